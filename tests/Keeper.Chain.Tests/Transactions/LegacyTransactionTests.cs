using System.Numerics;
using Keeper.Chain.Primitives;
using Keeper.Chain.Transactions;
using Xunit;

namespace Keeper.Chain.Tests.Transactions;

public sealed class LegacyTransactionTests
{
    // Source: EIP-155 "Example": nonce 9, gas price 20 gwei, gas 21000, to 0x3535...35, value 1 ether, no data, chain id 1.
    internal static LegacyTransaction Eip155Example => new(
        Nonce: 9,
        GasPrice: 20_000_000_000,
        GasLimit: 21_000,
        To: Address.Parse("0x3535353535353535353535353535353535353535"),
        Value: BigInteger.Pow(10, 18),
        Data: [],
        ChainId: 1);

    [Fact]
    public void EncodeForSigning_Eip155Example_MatchesSigningData() =>
        Assert.Equal(
            "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080",
            Hex.Encode(Eip155Example.EncodeForSigning()));

    [Fact]
    public void SigningHash_Eip155Example_MatchesSigningHash() =>
        Assert.Equal("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", Hex.Encode(Eip155Example.SigningHash()));

    [Fact]
    public void EncodeForSigning_ChainIdZero_HasSixFields()
    {
        var transaction = Eip155Example with { ChainId = 0 };
        Assert.Equal(
            "0xe9098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080",
            Hex.Encode(transaction.EncodeForSigning()));
    }

    [Fact]
    public void Constructor_NegativeGasPrice_ThrowsNamingField()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyTransaction(0, -1, 21_000, null, 0, [], 1));
        Assert.Equal("GasPrice", ex.ParamName);
    }

    [Fact]
    public void Constructor_NegativeValue_ThrowsNamingField()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LegacyTransaction(0, 1, 21_000, null, -5, [], 1));
        Assert.Equal("Value", ex.ParamName);
    }

    [Fact]
    public void With_ValueAboveUInt256_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Eip155Example with { Value = BigInteger.One << 256 });

    [Fact]
    public void Constructor_NullData_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new LegacyTransaction(0, 1, 21_000, null, 0, null!, 1));

    [Fact]
    public void Data_IsCopiedOnConstruction()
    {
        var data = new byte[] { 1, 2, 3 };
        var transaction = new LegacyTransaction(0, 1, 21_000, null, 0, data, 1);
        data[0] = 9;
        Assert.Equal(1, transaction.Data[0]);
    }

    [Fact]
    public void Equals_SameFieldsDifferentDataArrays_AreEqual()
    {
        var a = Eip155Example with { Data = [1, 2] };
        var b = Eip155Example with { Data = [1, 2] };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { GasPrice = 1 });
        Assert.NotEqual(a, b with { Data = [1, 3] });
        Assert.NotEqual<UnsignedTransaction>(a, b with { To = null });
    }
}
