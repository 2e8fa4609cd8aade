using Keeper.Chain.Crypto;
using Xunit;

namespace Keeper.Chain.Tests.Crypto;

public sealed class EcdsaSignatureTests
{
    [Fact]
    public void Constructor_WrongComponentLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EcdsaSignature(new byte[31], new byte[32], 0));
        Assert.Throws<ArgumentException>(() => new EcdsaSignature(new byte[32], new byte[33], 0));
    }

    [Fact]
    public void Constructor_RecoveryIdAboveOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EcdsaSignature(new byte[32], new byte[32], 27));

    [Fact]
    public void Equals_SameBytesDifferentArrays_AreEqual()
    {
        var a = new EcdsaSignature(Filled(1), Filled(2), 1);
        var b = new EcdsaSignature(Filled(1), Filled(2), 1);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new EcdsaSignature(Filled(1), Filled(2), 0));
        Assert.NotEqual(a, new EcdsaSignature(Filled(1), Filled(3), 1));
    }

    [Fact]
    public void Constructor_CopiesInput()
    {
        var r = Filled(1);
        var signature = new EcdsaSignature(r, Filled(2), 0);
        r[0] = 9;
        Assert.Equal(1, signature.R[0]);
    }

    [Fact]
    public void FromComponents_PadsAndRejectsOversize()
    {
        var signature = EcdsaSignature.FromComponents(1, 2, 1);
        Assert.Equal(1, signature.R[31]);
        Assert.Equal(0, signature.R[0]);
        Assert.Equal(2, signature.SValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => EcdsaSignature.FromComponents(System.Numerics.BigInteger.One << 256, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EcdsaSignature.FromComponents(-1, 1, 0));
    }

    [Fact]
    public void ToBytes_IsRThenSThenRecoveryId()
    {
        var bytes = new EcdsaSignature(Filled(1), Filled(2), 1).ToBytes();
        Assert.Equal(65, bytes.Length);
        Assert.Equal(1, bytes[0]);
        Assert.Equal(2, bytes[32]);
        Assert.Equal(1, bytes[64]);
    }

    private static byte[] Filled(byte value) => Enumerable.Repeat(value, 32).ToArray();
}
