using Keeper.Chain.Abi;
using Keeper.Chain.Primitives;
using Nethereum.Util;
using Xunit;

namespace Keeper.Chain.Tests.Abi;

public sealed class AbiErrorTests
{
    [Fact]
    public void Parse_CustomError_ReadsNameSignatureAndSelector()
    {
        var error = AbiError.Parse("error Unauthorized(address caller, uint256 required)");

        Assert.Equal("Unauthorized", error.Name);
        Assert.Equal("Unauthorized(address,uint256)", error.Signature);
        Assert.Equal(Sha3Keccack.Current.CalculateHashAsBytes("Unauthorized(address,uint256)")[..4], error.Selector);
        Assert.Equal(["caller", "required"], error.Inputs.Select(p => p.Name));
        Assert.Equal("error Unauthorized(address caller, uint256 required)", error.ToString());
    }

    [Fact]
    public void DecodeArguments_RoundTripsEncodeRevertData()
    {
        var error = AbiError.Parse("InsufficientBalance(uint256 available, uint256 required, string note)");

        var data = error.EncodeRevertData(1, 2, "short");
        var args = error.DecodeArguments(data);

        AbiValueAssert.SequenceEqual([new System.Numerics.BigInteger(1), new System.Numerics.BigInteger(2), "short"], args);
    }

    [Fact]
    public void DecodeArguments_OtherSelector_Throws()
    {
        var error = AbiError.Parse("error A()");

        var ex = Assert.Throws<AbiDecodingException>(() => error.DecodeArguments(Hex.Decode("0x01020304")));

        Assert.StartsWith("Revert data does not start with the selector of A()", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IndexedParameter_Throws()
    {
        Assert.Throws<AbiException>(() => AbiError.Parse("error A(uint256 indexed x)"));
    }

    [Fact]
    public void EncodeRevertData_WrongCount_Throws()
    {
        var ex = Assert.Throws<AbiException>(() => AbiError.Parse("error A(uint256)").EncodeRevertData());

        Assert.Equal("Cannot encode error A(uint256): expected 1 arguments, got 0.", ex.Message);
    }
}
