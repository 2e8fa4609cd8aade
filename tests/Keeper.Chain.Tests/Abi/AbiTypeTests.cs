using Keeper.Chain.Abi;
using Xunit;

namespace Keeper.Chain.Tests.Abi;

public sealed class AbiTypeTests
{
    [Theory]
    [InlineData("uint256", "uint256", false, 32)]
    [InlineData("uint", "uint256", false, 32)]
    [InlineData("int", "int256", false, 32)]
    [InlineData("uint8", "uint8", false, 32)]
    [InlineData("int104", "int104", false, 32)]
    [InlineData("address", "address", false, 32)]
    [InlineData("bool", "bool", false, 32)]
    [InlineData("bytes1", "bytes1", false, 32)]
    [InlineData("bytes32", "bytes32", false, 32)]
    [InlineData("bytes", "bytes", true, 32)]
    [InlineData("string", "string", true, 32)]
    [InlineData("uint256[3]", "uint256[3]", false, 96)]
    [InlineData("uint256[2][3]", "uint256[2][3]", false, 192)]
    [InlineData("uint256[]", "uint256[]", true, 32)]
    [InlineData("string[2]", "string[2]", true, 32)]
    [InlineData("(uint256,bool)", "(uint256,bool)", false, 64)]
    [InlineData("(uint256,bytes)", "(uint256,bytes)", true, 32)]
    [InlineData("tuple(uint, address)", "(uint256,address)", false, 64)]
    [InlineData("( uint32 , (bool,bytes3)[2] )", "(uint32,(bool,bytes3)[2])", false, 160)]
    [InlineData("(uint256,(address,bytes)[])[2][]", "(uint256,(address,bytes)[])[2][]", true, 32)]
    public void Parse_ValidType_GivesCanonicalNameDynamismAndHeadSize(string text, string canonical, bool dynamic, int headSize)
    {
        var type = AbiType.Parse(text);

        Assert.Equal(canonical, type.CanonicalName);
        Assert.Equal(dynamic, type.IsDynamic);
        Assert.Equal(headSize, type.HeadSize);
        Assert.Equal(type, AbiType.Parse(canonical));
    }

    [Fact]
    public void Parse_NestedType_ExposesStructure()
    {
        var type = AbiType.Parse("(uint256,(address,bytes)[])[2][]");

        Assert.Equal(AbiTypeKind.DynamicArray, type.Kind);
        var pair = type.ElementType!;
        Assert.Equal(AbiTypeKind.FixedArray, pair.Kind);
        Assert.Equal(2, pair.Length);
        var tuple = pair.ElementType!;
        Assert.Equal(AbiTypeKind.Tuple, tuple.Kind);
        Assert.Equal(AbiType.UInt256, tuple.Components[0]);
        Assert.Equal("(address,bytes)[]", tuple.Components[1].CanonicalName);
    }

    [Theory]
    [InlineData("uint7", "uint<M> needs M to be a multiple of 8 from 8 to 256")]
    [InlineData("uint264", "uint<M> needs M to be a multiple of 8 from 8 to 256")]
    [InlineData("int0", "int<M> needs M to be a multiple of 8 from 8 to 256")]
    [InlineData("uint08", "uint<M> needs M to be a multiple of 8 from 8 to 256")]
    [InlineData("bytes33", "bytes<M> needs M from 1 to 32")]
    [InlineData("bytes0", "bytes<M> needs M from 1 to 32")]
    [InlineData("(uint256", "expected ')' but found the end of the text")]
    [InlineData("uint256)", "unexpected ')'; the ABI type should end here")]
    [InlineData("((uint256)", "expected ')' but found the end of the text")]
    [InlineData("()", "an empty tuple '()' is not a valid type")]
    [InlineData("uint256[0]", "a fixed array needs at least one element")]
    [InlineData("uint256[", "expected an array length or ']' but found the end of the text")]
    [InlineData("uint256[x]", "expected an array length or ']' but found 'x'")]
    [InlineData("uint256[99999999999]", "array length 99999999999 is too large")]
    [InlineData("fixed128x18", "'fixed128x18' is not supported")]
    [InlineData("foo", "'foo' is not an ABI type")]
    [InlineData("", "expected a type but found the end of the text")]
    [InlineData("(uint256 amount)", "expected ')' but found 'a'")]
    [InlineData("(uint256,)", "expected a type but found ')'")]
    public void Parse_InvalidType_ThrowsMessageSayingWhy(string text, string expectedReason)
    {
        var ex = Assert.Throws<AbiException>(() => AbiType.Parse(text));

        Assert.StartsWith($"Invalid ABI type '{text}' at position ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expectedReason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooDeeplyNested_IsRejected()
    {
        var text = new string('(', 40) + "uint256" + new string(')', 40);

        var ex = Assert.Throws<AbiException>(() => AbiType.Parse(text));

        Assert.Contains("nest more than 32 levels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeStaticArray_IsRejected()
    {
        var ex = Assert.Throws<AbiException>(() => AbiType.Parse("uint256[1000000][1000000]"));

        Assert.Contains("static encoding of 32000000000000 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factories_BuildTheSameTypesAsParse()
    {
        var built = AbiType.Array(AbiType.FixedArray(AbiType.Tuple(AbiType.UInt256, AbiType.Array(AbiType.Tuple(AbiType.Address, AbiType.Bytes))), 2));

        Assert.Equal(AbiType.Parse("(uint256,(address,bytes)[])[2][]"), built);
        Assert.Equal("(uint256,(address,bytes)[])[2][]", built.ToString());
    }

    [Theory]
    [InlineData(7)]
    [InlineData(0)]
    [InlineData(264)]
    public void UInt_InvalidBits_Throws(int bits)
    {
        Assert.Throws<AbiException>(() => AbiType.UInt(bits));
    }

    [Fact]
    public void Equality_IsByCanonicalName()
    {
        Assert.True(AbiType.Parse("uint") == AbiType.UInt256);
        Assert.False(AbiType.Parse("uint128") == AbiType.UInt256);
        Assert.Equal(AbiType.Parse("uint").GetHashCode(), AbiType.UInt256.GetHashCode());
    }
}
