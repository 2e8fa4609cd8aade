using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Abi;

public sealed class DecodedEventTests
{
    private static readonly AbiEvent Deposit = AbiEvent.Parse("event Deposit(address indexed from, uint256 amount, string memo)");

    private static DecodedEvent Sample(BigInteger amount) =>
        new(Deposit, [Address.Zero, amount, "memo"]);

    [Fact]
    public void Get_UnknownName_ListsTheParameters()
    {
        var ex = Assert.Throws<AbiException>(() => Sample(1).Get<BigInteger>("value"));

        Assert.Equal("Event Deposit(address,uint256,string) has no parameter named 'value'; its parameters are: from, amount, memo.", ex.Message);
    }

    [Fact]
    public void Get_WrongType_SaysWhatItHolds()
    {
        var ex = Assert.Throws<AbiException>(() => Sample(1).Get<string>("amount"));

        Assert.Equal("parameter 'amount' of Deposit(address,uint256,string) (uint256) holds a BigInteger, not a String.", ex.Message);
    }

    [Fact]
    public void Get_IntegerThatDoesNotFit_Throws()
    {
        var ex = Assert.Throws<AbiException>(() => Sample(BigInteger.One << 40).Get<int>("amount"));

        Assert.Contains("does not fit in a Int32; read it as a BigInteger", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_SmallIntegerTypes_Convert()
    {
        var decoded = Sample(200);

        Assert.Equal(200, decoded.Get<int>("amount"));
        Assert.Equal((byte)200, decoded.Get<byte>("amount"));
        Assert.Equal(200L, decoded.Get<long>(1));
    }

    [Fact]
    public void ToString_ShowsNamesAndValues()
    {
        Assert.Equal("Deposit(from=0x0000000000000000000000000000000000000000, amount=5, memo=\"memo\")", Sample(5).ToString());
    }
}
