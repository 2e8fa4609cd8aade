using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Abi;

public sealed class AbiFunctionTests
{
    // Well-known ERC-20 selectors (EIP-20 function signatures); the Solidity ABI specification's selectors for its examples.
    [Theory]
    [InlineData("transfer(address,uint256)", "0xa9059cbb")]
    [InlineData("function balanceOf(address owner) view returns (uint256)", "0x70a08231")]
    [InlineData("approve(address spender, uint256 value) returns (bool)", "0x095ea7b3")]
    [InlineData("totalSupply()", "0x18160ddd")]
    [InlineData("baz(uint32,bool)", "0xcdcd77c0")]
    [InlineData("bar(bytes3[2])", "0xfce353f6")]
    [InlineData("sam(bytes,bool,uint[])", "0xa5643bf2")]
    public void Selector_WellKnownFunction_MatchesPublishedValue(string signature, string selector)
    {
        Assert.Equal(selector, Hex.Encode(AbiFunction.Parse(signature).Selector));
    }

    [Fact]
    public void Parse_HumanReadableWithTupleOutput_ReadsEverything()
    {
        var function = AbiFunction.Parse("function getValidatorInfo(uint32 id) view returns ((uint32,uint32,bool) info, address megapool)");

        Assert.Equal("getValidatorInfo", function.Name);
        Assert.Equal("getValidatorInfo(uint32)", function.Signature);
        Assert.Equal("view", function.StateMutability);
        Assert.Equal("id", Assert.Single(function.Inputs).Name);
        Assert.Equal(2, function.Outputs.Count);
        Assert.Equal("(uint32,uint32,bool)", function.Outputs[0].Type.CanonicalName);
        Assert.Equal("info", function.Outputs[0].Name);
        Assert.Equal(AbiType.Address, function.Outputs[1].Type);
        Assert.Equal("megapool", function.Outputs[1].Name);
    }

    [Fact]
    public void Parse_NamedTupleComponentsAndModifiers_KeepsComponentNames()
    {
        var function = AbiFunction.Parse("function f(tuple(uint256 a, address payable b)[] calldata items, string memory note) external payable");

        Assert.Equal("f((uint256,address)[],string)", function.Signature);
        Assert.Equal("payable", function.StateMutability);
        Assert.Equal(["a", "b"], function.Inputs[0].Components.Select(c => c.Name));
        Assert.Empty(function.Outputs);
    }

    [Theory]
    [InlineData("transfer(address,uint256", "expected ')' but found the end of the text")]
    [InlineData("transfer(address to uint256 amount)", "unexpected 'uint256' after parameter name 'to' (missing ','?)")]
    [InlineData("function (uint256)", "expected a function name but found '('")]
    [InlineData("f(uint7)", "'uint7' is not a valid ABI type")]
    [InlineData("f(uint256 indexed a)", "'indexed' is only allowed on event parameters")]
    [InlineData("f() returns (uint256) extra", "unexpected 'extra'")]
    [InlineData("1f()", "expected a function name but found '1'")]
    public void Parse_InvalidSignature_ThrowsMessageSayingWhy(string text, string reason)
    {
        var ex = Assert.Throws<AbiException>(() => AbiFunction.Parse(text));

        Assert.StartsWith($"Invalid function signature '{text}' at position ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodeCall_Transfer_IsSelectorThenArguments()
    {
        var function = AbiFunction.Parse("transfer(address,uint256)");
        var to = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

        var calldata = function.EncodeCall(to, BigInteger.Pow(10, 18));

        Assert.Equal(
            "0xa9059cbb0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed0000000000000000000000000000000000000000000000000de0b6b3a7640000",
            Hex.Encode(calldata));
    }

    [Fact]
    public void EncodeCall_WrongArgumentCount_Throws()
    {
        var function = AbiFunction.Parse("transfer(address,uint256)");

        var ex = Assert.Throws<AbiException>(() => function.EncodeCall(Address.Zero));

        Assert.Equal("Cannot encode the call of transfer(address,uint256): expected 2 arguments, got 1.", ex.Message);
    }

    [Fact]
    public void EncodeCall_BadArgument_NamesFunctionPositionAndParameter()
    {
        var function = AbiFunction.Parse("set(uint256 id, uint8 level)");

        var ex = Assert.Throws<AbiException>(() => function.EncodeCall(1, 300));

        Assert.Equal("Cannot encode the call of set(uint256,uint8): argument 1 'level' (uint8): 300 is out of range 0..255.", ex.Message);
    }

    [Fact]
    public void DecodeOutput_TupleAndAddress_ReturnsValues()
    {
        var function = AbiFunction.Parse("function getValidatorInfo(uint32 id) view returns ((uint32,uint32,bool) info, address megapool)");
        var megapool = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var returnData = function.EncodeOutput(new object?[] { 7u, 1_700_000_000u, true }, megapool);

        var output = function.DecodeOutput(returnData);

        AbiValueAssert.Equal(new object?[] { new BigInteger(7), new BigInteger(1_700_000_000), true }, output[0]);
        Assert.Equal(megapool, output[1]);
        Assert.Equal(128, returnData.Length);
    }

    [Fact]
    public void DecodeOutput_ShortData_ThrowsNamingTheFunction()
    {
        var function = AbiFunction.Parse("balanceOf(address) returns (uint256)");

        var ex = Assert.Throws<AbiDecodingException>(() => function.DecodeOutput(new byte[31]));

        Assert.StartsWith("Cannot decode the result of balanceOf(address): The data holds 31 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeInput_WrongSelector_Throws()
    {
        var transfer = AbiFunction.Parse("transfer(address,uint256)");
        var approve = AbiFunction.Parse("approve(address,uint256)");

        var ex = Assert.Throws<AbiDecodingException>(() => transfer.DecodeInput(approve.EncodeCall(Address.Zero, 1)));

        Assert.Equal("Calldata selector 0x095ea7b3 is not transfer(address,uint256) (0xa9059cbb).", ex.Message);
    }

    [Fact]
    public void DecodeInput_TooShort_Throws()
    {
        var ex = Assert.Throws<AbiDecodingException>(() => AbiFunction.Parse("f()").DecodeInput(new byte[3]));

        Assert.Contains("must start with a 4-byte selector; it has 3 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Selector_IsACopy()
    {
        var function = AbiFunction.Parse("transfer(address,uint256)");

        function.Selector[0] = 0;

        Assert.Equal(0xa9, function.Selector[0]);
    }

    [Fact]
    public void ToString_IsHumanReadable()
    {
        var function = AbiFunction.Parse("function balanceOf(address owner) view returns (uint256)");

        Assert.Equal("function balanceOf(address owner) view returns (uint256)", function.ToString());
    }
}
