using System.Numerics;
using System.Text;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rlp;
using Xunit;

namespace Keeper.Chain.Tests.Rlp;

public sealed class RlpDecoderTests
{
    // Source: ethereum/tests RLPTests/invalidRLPTest.json (every case), plus the empty input.
    public static TheoryData<string, string> InvalidVectors => new()
    {
        { "int32Overflow", "0xbf0f000000000000021111" },
        { "int32Overflow2", "0xff0f000000000000021111" },
        { "wrongSizeList", "0xf80180" },
        { "wrongSizeList2", "0xf80100" },
        { "incorrectLengthInArray", "0xb9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea2110e582081b0565df0" },
        { "randomRLP", "0xf861f83eb9002100dc2b275d0f74e8a53e6f4ec61b27f24278820be3f82ea2110e582081b0565df027b90015002d5ef8325ae4d034df55d4b58d0dfba64d61ddd17be00000b9001a00dae30907045a2f66fa36f2bb8aa9029cbb0b8a7b3b5c435ab331" },
        { "bytesShouldBeSingleByte00", "0x8100" },
        { "bytesShouldBeSingleByte01", "0x8101" },
        { "bytesShouldBeSingleByte7F", "0x817F" },
        { "leadingZerosInLongLengthArray1", "0xb90040000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f" },
        { "leadingZerosInLongLengthArray2", "0xb800" },
        { "leadingZerosInLongLengthList1", "0xfb00000040000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f" },
        { "leadingZerosInLongLengthList2", "0xf800" },
        { "nonOptimalLongLengthArray1", "0xb81000112233445566778899aabbccddeeff" },
        { "nonOptimalLongLengthArray2", "0xb801ff" },
        { "nonOptimalLongLengthList1", "0xf810000102030405060708090a0b0c0d0e0f" },
        { "nonOptimalLongLengthList2", "0xf803112233" },
        { "emptyInput", "0x" },
    };

    // Source: ethereum/tests RLPTests/rlptest.json (every "out"), decoded and re-encoded.
    public static TheoryData<string> ValidVectors => new()
    {
        "0x80", "0x00", "0x01", "0x7f", "0x83646f67",
        "0xb74c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c69",
        "0xb8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974",
        "0x10", "0x4f", "0x8180", "0x8203e8", "0x830186a0", "0x8f102030405060708090a0b0c0d0e0f2",
        "0x9c0100020003000400050006000700080009000a000b000c000d000e01",
        "0xc0", "0xcc83646f6783676f6483636174", "0xc6827a77c10401",
        "0xf784617364668471776572847a78637684617364668471776572847a78637684617364668471776572847a78637684617364668471776572",
        "0xf840cf84617364668471776572847a786376cf84617364668471776572847a786376cf84617364668471776572847a786376cf84617364668471776572847a786376",
        "0xc4c2c0c0c0", "0xc7c0c1c0c3c0c1c0",
        "0xecca846b6579318476616c31ca846b6579328476616c32ca846b6579338476616c33ca846b6579348476616c34",
        "0xa1010000000000000000000000000000000000000000000000000000000000000000",
    };

    [Theory]
    [MemberData(nameof(InvalidVectors))]
    public void Decode_InvalidRlpTestVector_Throws(string name, string hex)
    {
        var ex = Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode(hex)));
        Assert.Contains("byte offset", ex.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Theory]
    [MemberData(nameof(ValidVectors))]
    public void Decode_ValidRlpTestVector_ReEncodesToInput(string hex)
    {
        var input = Hex.Decode(hex);
        Assert.Equal(hex, Hex.Encode(ReEncode(RlpDecoder.Decode(input))));
    }

    [Fact]
    public void Decode_MultiList_GivesTree()
    {
        // Source: ethereum/tests RLPTests/rlptest.json "multilist": [ "zw", [ 4 ], 1 ].
        var item = RlpDecoder.Decode(Hex.Decode("0xc6827a77c10401"));
        Assert.True(item.IsList);
        Assert.Equal(3, item.Items.Count);
        Assert.Equal("zw", Encoding.ASCII.GetString(item.Items[0].Bytes.Span));
        Assert.Equal(4UL, item.Items[1].ItemsExactly(1, "inner")[0].ToUInt64());
        Assert.Equal(1UL, item.Items[2].ToUInt64());
        Assert.Equal(4, item.Items[1].Offset);
    }

    [Fact]
    public void Decode_BigIntVector_GivesTwoToThe256()
    {
        var item = RlpDecoder.Decode(Hex.Decode("0xa1010000000000000000000000000000000000000000000000000000000000000000"));
        Assert.Equal(BigInteger.One << 256, item.ToBigInteger(maxBytes: 33));
        Assert.Throws<RlpException>(() => item.ToBigInteger());
    }

    [Fact]
    public void Decode_TrailingBytes_ThrowsWithOffset()
    {
        var ex = Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode("0x83646f6700")));
        Assert.Equal(4, ex.Offset);
        Assert.Contains("trailing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TruncatedString_ThrowsWithOffset()
    {
        var ex = Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode("0xc383646f")));
        Assert.Equal(1, ex.Offset);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ChildOverrunsList_Throws() =>
        Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode("0xc283646f67")));

    [Fact]
    public void Decode_DeepNesting_ThrowsInsteadOfOverflowingStack()
    {
        var encoded = RlpEncoder.EncodeList();
        for (var i = 0; i < RlpDecoder.MaxDepth + 1; i++)
        {
            encoded = RlpEncoder.EncodeList(encoded);
        }

        var ex = Assert.Throws<RlpException>(() => RlpDecoder.Decode(encoded));
        Assert.Contains("nest", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x820001")]
    [InlineData("0x00")]
    public void ToUInt64_LeadingZero_Throws(string hex) =>
        Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode(hex)).ToUInt64());

    [Fact]
    public void ToBigInteger_LeadingZero_Throws() =>
        Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode("0x820001")).ToBigInteger());

    [Fact]
    public void ToUInt64_NineBytes_Throws() =>
        Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode("0x89010000000000000000")).ToUInt64());

    [Fact]
    public void ToUInt64_Empty_IsZero() => Assert.Equal(0UL, RlpDecoder.Decode([0x80]).ToUInt64());

    [Fact]
    public void ToAddress_WrongLength_Throws() =>
        Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode("0x83646f67")).ToAddress());

    [Fact]
    public void ShapeAccessors_WrongShape_Throw()
    {
        Assert.Throws<RlpException>(() => RlpDecoder.Decode([0xc0]).Bytes);
        Assert.Throws<RlpException>(() => RlpDecoder.Decode([0x80]).Items);
        Assert.Throws<RlpException>(() => RlpDecoder.Decode([0xc0]).ToUInt64());
    }

    [Fact]
    public void Decode_SeededRandomTrees_RoundTrip()
    {
        var random = new Random(1234);
        for (var i = 0; i < 300; i++)
        {
            var encoded = RandomTree(random, depth: 0);
            Assert.Equal(encoded, ReEncode(RlpDecoder.Decode(encoded)));
        }
    }

    internal static byte[] ReEncode(RlpItem item) =>
        item.IsList ? RlpEncoder.EncodeList(item.Items.Select(ReEncode).ToList()) : RlpEncoder.EncodeBytes(item.Bytes.Span);

    private static byte[] RandomTree(Random random, int depth)
    {
        if (depth < 4 && random.Next(3) == 0)
        {
            var count = random.Next(0, 6);
            return RlpEncoder.EncodeList(Enumerable.Range(0, count).Select(_ => RandomTree(random, depth + 1)).ToList());
        }

        var length = random.Next(4) switch
        {
            0 => random.Next(0, 2),
            1 => random.Next(2, 56),
            2 => random.Next(56, 300),
            _ => random.Next(0, 70000),
        };
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return RlpEncoder.EncodeBytes(bytes);
    }
}
