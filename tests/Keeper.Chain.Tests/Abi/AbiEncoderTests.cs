using System.Numerics;
using System.Text;
using Keeper.Chain.Abi;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Abi;

public sealed class AbiEncoderTests
{
    // Worked examples from the Solidity documentation, "Contract ABI Specification" (ethereum/solidity docs/abi-spec.rst),
    // sections "Examples" and "Use of Dynamic Types". Each is the full calldata: selector followed by the arguments.
    public static TheoryData<string, object?[], string> SpecificationExamples => new()
    {
        {
            "baz(uint32,bool)",
            [69, true],
            "0xcdcd77c000000000000000000000000000000000000000000000000000000000000000450000000000000000000000000000000000000000000000000000000000000001"
        },
        {
            "bar(bytes3[2])",
            [new object?[] { "abc"u8.ToArray(), "def"u8.ToArray() }],
            "0xfce353f661626300000000000000000000000000000000000000000000000000000000006465660000000000000000000000000000000000000000000000000000000000"
        },
        {
            "sam(bytes,bool,uint[])",
            ["dave"u8.ToArray(), true, new BigInteger[] { 1, 2, 3 }],
            "0xa5643bf20000000000000000000000000000000000000000000000000000000000000060000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000a0000000000000000000000000000000000000000000000000000000000000000464617665000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000003000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000003"
        },
        {
            "f(uint,uint32[],bytes10,bytes)",
            [0x123, new[] { 0x456, 0x789 }, "1234567890"u8.ToArray(), "Hello, world!"u8.ToArray()],
            "0x8be65246" +
            "0000000000000000000000000000000000000000000000000000000000000123" +
            "0000000000000000000000000000000000000000000000000000000000000080" +
            "3132333435363738393000000000000000000000000000000000000000000000" +
            "00000000000000000000000000000000000000000000000000000000000000e0" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "0000000000000000000000000000000000000000000000000000000000000456" +
            "0000000000000000000000000000000000000000000000000000000000000789" +
            "000000000000000000000000000000000000000000000000000000000000000d" +
            "48656c6c6f2c20776f726c642100000000000000000000000000000000000000"
        },
        {
            "g(uint[][],string[])",
            [new object?[] { new[] { 1, 2 }, new[] { 3 } }, new[] { "one", "two", "three" }],
            "0x2289b18c" +
            "0000000000000000000000000000000000000000000000000000000000000040" +
            "0000000000000000000000000000000000000000000000000000000000000140" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "0000000000000000000000000000000000000000000000000000000000000040" +
            "00000000000000000000000000000000000000000000000000000000000000a0" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "0000000000000000000000000000000000000000000000000000000000000002" +
            "0000000000000000000000000000000000000000000000000000000000000001" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "0000000000000000000000000000000000000000000000000000000000000060" +
            "00000000000000000000000000000000000000000000000000000000000000a0" +
            "00000000000000000000000000000000000000000000000000000000000000e0" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "6f6e650000000000000000000000000000000000000000000000000000000000" +
            "0000000000000000000000000000000000000000000000000000000000000003" +
            "74776f0000000000000000000000000000000000000000000000000000000000" +
            "0000000000000000000000000000000000000000000000000000000000000005" +
            "7468726565000000000000000000000000000000000000000000000000000000"
        },
    };

    [Theory]
    [MemberData(nameof(SpecificationExamples))]
    public void EncodeCall_SpecificationExample_MatchesExpectedCalldata(string signature, object?[] args, string expectedHex)
    {
        var function = AbiFunction.Parse(signature);

        var calldata = function.EncodeCall(args);

        Assert.Equal(expectedHex, Hex.Encode(calldata));
    }

    [Theory]
    [MemberData(nameof(SpecificationExamples))]
    public void DecodeInput_SpecificationExample_ReturnsArgumentsThatReEncodeIdentically(string signature, object?[] args, string expectedHex)
    {
        var function = AbiFunction.Parse(signature);
        var calldata = Hex.Decode(expectedHex);

        var decoded = function.DecodeInput(calldata);

        Assert.Equal(args.Length, decoded.Length);
        Assert.Equal(expectedHex, Hex.Encode(function.EncodeCall(decoded)));
    }

    [Fact]
    public void Decode_SpecificationExampleDynamicTypes_ReturnsCanonicalValues()
    {
        var function = AbiFunction.Parse("f(uint,uint32[],bytes10,bytes)");
        var calldata = function.EncodeCall(0x123, new[] { 0x456, 0x789 }, "1234567890"u8.ToArray(), "Hello, world!"u8.ToArray());

        var decoded = function.DecodeInput(calldata);

        Assert.Equal(new BigInteger(0x123), decoded[0]);
        Assert.Equal(new object?[] { new BigInteger(0x456), new BigInteger(0x789) }, (object?[])decoded[1]!);
        Assert.Equal("1234567890"u8.ToArray(), (byte[])decoded[2]!);
        Assert.Equal("Hello, world!", Encoding.UTF8.GetString((byte[])decoded[3]!));
    }

    [Fact]
    public void Encode_BazReturnsFalse_IsOneZeroWord()
    {
        // Solidity ABI specification, "Examples": baz returning false is a single zero word.
        var encoded = AbiEncoder.Encode([AbiType.Bool], [false]);

        Assert.Equal(new byte[32], encoded);
    }

    [Fact]
    public void Encode_AllAcceptedIntegerTypes_EncodeTheSameValue()
    {
        var type = AbiType.UInt(64);
        var expected = AbiEncoder.Encode([type], [new BigInteger(7)]);

        foreach (var value in new object[] { 7, 7L, 7U, 7UL, (byte)7, (ushort)7, (short)7, (sbyte)7 })
        {
            Assert.Equal(expected, AbiEncoder.Encode([type], [value]));
        }
    }

    [Fact]
    public void Encode_NegativeInt_IsSignExtended()
    {
        var encoded = AbiEncoder.Encode([AbiType.Int(16)], [-2]);

        Assert.Equal("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe", Hex.Encode(encoded));
    }

    [Fact]
    public void Encode_Extremes_EncodeExactly()
    {
        var max = (BigInteger.One << 256) - 1;
        var min = -(BigInteger.One << 255);

        Assert.Equal("0x" + new string('f', 64), Hex.Encode(AbiEncoder.Encode(AbiType.UInt256, max)));
        Assert.Equal("0x8" + new string('0', 63), Hex.Encode(AbiEncoder.Encode(AbiType.Int(256), min)));
    }

    [Fact]
    public void Encode_Address_IsLeftPadded()
    {
        var address = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

        var encoded = AbiEncoder.Encode(AbiType.Address, address);

        Assert.Equal("0x0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed", Hex.Encode(encoded));
    }

    [Fact]
    public void Encode_Uint8OutOfRange_NamesPositionTypeAndRange()
    {
        var ex = Assert.Throws<AbiException>(() =>
            AbiEncoder.Encode([AbiType.UInt256, AbiType.Bool, AbiType.UInt(8)], [1, true, 300]));

        Assert.Equal("argument 2 (uint8): 300 is out of range 0..255.", ex.Message);
    }

    [Theory]
    [InlineData("int8", -129, "argument 0 (int8): -129 is out of range -128..127.")]
    [InlineData("uint256", -1, "argument 0 (uint256): -1 is out of range 0..2^256-1.")]
    [InlineData("int256", null, "argument 0 (int256): expected a BigInteger or a built-in integer, got null.")]
    [InlineData("address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "argument 0 (address): expected a Keeper.Chain.Primitives.Address, got the string \"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\".")]
    [InlineData("bool", 1, "argument 0 (bool): expected a bool, got a value of type Int32.")]
    [InlineData("string", 5, "argument 0 (string): expected a string, got a value of type Int32.")]
    public void Encode_InvalidValue_ThrowsPreciseMessage(string type, object? value, string expected)
    {
        var ex = Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Parse(type)], [value]));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Encode_FixedBytesOfWrongLength_Throws()
    {
        var ex = Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.FixedBytes(4)], [new byte[3]]));

        Assert.Equal("argument 0 (bytes4): expected exactly 4 bytes, got 3; pad or cut the value explicitly.", ex.Message);
    }

    [Fact]
    public void Encode_NestedBadValue_NamesThePathInsideTheArgument()
    {
        var type = AbiType.Parse("(uint256,(address,uint8)[])");
        object?[] value = [1, new object?[] { new object?[] { Address.Zero, 1 }, new object?[] { Address.Zero, 256 } }];

        var ex = Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Bool, type], [true, value]));

        Assert.Equal("argument 1.1[1].1 (uint8): 256 is out of range 0..255.", ex.Message);
    }

    [Fact]
    public void Encode_FixedArrayWithWrongCount_Throws()
    {
        var ex = Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Parse("uint8[3]")], [new[] { 1, 2 }]));

        Assert.Equal("argument 0 (uint8[3]): expected 3 elements, got 2.", ex.Message);
    }

    [Fact]
    public void Encode_CountMismatch_Throws()
    {
        var ex = Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Bool], []));

        Assert.Contains("Expected 1 values for (bool), got 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_LoneSurrogate_IsRejected()
    {
        var ex = Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.String], ["\ud800"]));

        Assert.StartsWith("argument 0 (string): the string is not valid Unicode", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_TypedListsAndArrays_AreAccepted()
    {
        var type = AbiType.Parse("address[]");
        var addresses = new[] { Address.Zero, Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed") };

        var fromArray = AbiEncoder.Encode(type, addresses);
        var fromList = AbiEncoder.Encode(type, addresses.ToList());
        var fromObjects = AbiEncoder.Encode(type, addresses.Cast<object?>().ToArray());

        Assert.Equal(fromObjects, fromArray);
        Assert.Equal(fromObjects, fromList);
    }

    [Fact]
    public void Encode_Hash32ForBytes32_IsAccepted()
    {
        var hash = Hash32.Parse("0x" + string.Concat(Enumerable.Repeat("ab", 32)));

        Assert.Equal(hash.ToArray(), AbiEncoder.Encode(AbiType.Bytes32, hash));
    }
}
