using System.Numerics;
using Keeper.Chain.Primitives;
using Keeper.Chain.Transactions;
using Xunit;

namespace Keeper.Chain.Tests.Transactions;

public sealed class Eip1559TransactionTests
{
    internal static Eip1559Transaction Sample => new(
        ChainId: 1,
        Nonce: 7,
        MaxPriorityFeePerGas: 2_000_000_000,
        MaxFeePerGas: 30_000_000_000,
        GasLimit: 100_000,
        To: Address.Parse("0x3535353535353535353535353535353535353535"),
        Value: 0,
        Data: [0xa9, 0x05, 0x9c, 0xbb],
        AccessList:
        [
            new AccessListEntry(Address.Parse("0x000000000000000000000000000000000000aaaa"), [Hash32.Zero]),
        ]);

    [Fact]
    public void Constructor_PriorityFeeAboveMaxFee_ThrowsWithClearMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Eip1559Transaction(1, 0, 3, 2, 21_000, null, 0, [], []));
        Assert.Contains("MaxPriorityFeePerGas (3 wei) exceeds MaxFeePerGas (2 wei)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_BreakingFeeRule_IsCaughtBeforeEncoding()
    {
        var broken = Sample with { MaxFeePerGas = 1 };
        Assert.Throws<ArgumentException>(() => broken.SigningHash());
        Assert.Throws<ArgumentException>(broken.Validate);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, -10)]
    public void Constructor_NegativeFee_Throws(long priority, long max) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Eip1559Transaction(1, 0, priority, max, 21_000, null, 0, [], []));

    [Fact]
    public void Constructor_NullAccessList_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new Eip1559Transaction(1, 0, 1, 2, 21_000, null, 0, [], null!));

    [Fact]
    public void EncodeForSigning_StartsWithTypeByteThenList()
    {
        var payload = Sample.EncodeForSigning();
        Assert.Equal(0x02, payload[0]);
        var list = Keeper.Chain.Rlp.RlpDecoder.Decode(payload.AsSpan(1));
        Assert.Equal(9, list.Items.Count);
        Assert.Equal(new BigInteger(30_000_000_000), list.Items[3].ToBigInteger());
    }

    [Fact]
    public void Equals_ComparesAccessListByValue()
    {
        var a = Sample;
        var b = Sample;
        Assert.Equal(a, b);
        Assert.NotEqual(a, b with { AccessList = [] });
        Assert.NotEqual(a, b with { AccessList = [new AccessListEntry(Address.Zero, [Hash32.Zero])] });
    }
}
