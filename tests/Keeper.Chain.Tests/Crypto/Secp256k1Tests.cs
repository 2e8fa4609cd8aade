extern alias PortableBouncyCastle;

using System.Globalization;
using System.Numerics;
using Keeper.Chain.Crypto;
using Keeper.Chain.Primitives;
using PortableBouncyCastle::Org.BouncyCastle.Asn1.Sec;
using Xunit;

namespace Keeper.Chain.Tests.Crypto;

public sealed class Secp256k1Tests
{
    private static readonly BigInteger N = BigInteger.Parse("0" + PrivateKeyTests.GroupOrderHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [Fact]
    public void Domain_MatchesSecNamedCurvesSecp256k1()
    {
        var reference = SecNamedCurves.GetByName("secp256k1");
        Assert.Equal(reference.N, Secp256k1.Domain.N);
        Assert.Equal(reference.H, Secp256k1.Domain.H);
        Assert.Equal(reference.G.GetEncoded(false), Secp256k1.Domain.G.GetEncoded(false));
        Assert.Equal(reference.Curve.A.ToBigInteger(), Secp256k1.Domain.Curve.A.ToBigInteger());
        Assert.Equal(reference.Curve.B.ToBigInteger(), Secp256k1.Domain.Curve.B.ToBigInteger());
        Assert.Equal(reference.Curve.Field.Characteristic, Secp256k1.Domain.Curve.Field.Characteristic);
    }

    [Fact]
    public void RecoverAddress_Eip155ExampleSignature_GivesSigner()
    {
        // Source: EIP-155 "Example": signing hash and signature from the EIP text.
        var hash = Hex.Decode("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
        var signature = new EcdsaSignature(
            Hex.Decode("0x28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"),
            Hex.Decode("0x67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"),
            0);
        using var key = PrivateKey.FromHex(PrivateKeyTests.Eip155Key);
        Assert.Equal(key.Address, Secp256k1.RecoverAddress(hash, signature));
        Assert.NotEqual(key.Address, Secp256k1.RecoverAddress(hash, new EcdsaSignature(signature.R, signature.S, 1)));
    }

    [Fact]
    public void RecoverPublicKey_HighS_ThrowsNamingEip2()
    {
        using var key = PrivateKey.FromHex(PrivateKeyTests.AnvilKey0);
        var hash = Keccak256.Hash("high s");
        var low = key.Sign(hash);
        var high = EcdsaSignature.FromComponents(low.RValue, N - low.SValue, (byte)(low.RecoveryId ^ 1));

        var ex = Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverPublicKey(hash, high));
        Assert.Contains("EIP-2", ex.Message, StringComparison.Ordinal);
        Assert.False(Secp256k1.Verify(hash, high, key.PublicKey));
    }

    [Theory]
    [InlineData("0", "1")]
    [InlineData("1", "0")]
    [InlineData(PrivateKeyTests.GroupOrderHex, "1")]
    [InlineData("1", PrivateKeyTests.GroupOrderHex)]
    public void RecoverPublicKey_ComponentOutOfRange_Throws(string rHex, string sHex)
    {
        var signature = EcdsaSignature.FromComponents(ParseHex(rHex), ParseHex(sHex), 0);
        Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverPublicKey(new byte[32], signature));
    }

    [Fact]
    public void RecoverPublicKey_RNotOnCurve_Throws()
    {
        // x = 5 is not the x coordinate of any secp256k1 point (5^3 + 7 = 132 is a non-residue mod p).
        var signature = EcdsaSignature.FromComponents(5, 1, 0);
        Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverPublicKey(new byte[32], signature));
    }

    [Fact]
    public void RecoverPublicKey_DefaultSignature_Throws() =>
        Assert.Throws<InvalidSignatureException>(() => Secp256k1.RecoverPublicKey(new byte[32], default));

    [Fact]
    public void RecoverPublicKey_WrongHashLength_Throws()
    {
        using var key = PrivateKey.FromHex(PrivateKeyTests.AnvilKey0);
        var signature = key.Sign(new byte[32]);
        Assert.Throws<ArgumentException>(() => Secp256k1.RecoverPublicKey(new byte[33], signature));
    }

    [Fact]
    public void Verify_TamperedHashOrWrongKey_ReturnsFalse()
    {
        using var key = PrivateKey.FromHex(PrivateKeyTests.AnvilKey0);
        using var other = PrivateKey.FromHex(PrivateKeyTests.Eip155Key);
        var hash = Keccak256.Hash("verify");
        var signature = key.Sign(hash);
        Assert.True(Secp256k1.Verify(hash, signature, key.PublicKey));
        var tampered = hash.ToArray();
        tampered[0] ^= 1;
        Assert.False(Secp256k1.Verify(tampered, signature, key.PublicKey));
        Assert.False(Secp256k1.Verify(hash, signature, other.PublicKey));
        Assert.False(Secp256k1.Verify(hash, signature, new byte[64]));
    }

    [Fact]
    public void ToAddress_WrongLength_Throws() => Assert.Throws<ArgumentException>(() => Secp256k1.ToAddress(new byte[65]));

    private static BigInteger ParseHex(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
