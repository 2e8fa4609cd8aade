using System.Numerics;
using System.Text;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rlp;
using Xunit;

namespace Keeper.Chain.Tests.Rlp;

public sealed class RlpEncoderTests
{
    // Source: ethereum/tests RLPTests/rlptest.json (byte-string and integer cases; strings are ASCII there).
    public static TheoryData<string, string> StringVectors => new()
    {
        { "", "0x80" },
        { "\u0000", "0x00" },
        { "\u0001", "0x01" },
        { "\u007F", "0x7f" },
        { "dog", "0x83646f67" },
        { "Lorem ipsum dolor sit amet, consectetur adipisicing eli", "0xb74c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c69" },
        { "Lorem ipsum dolor sit amet, consectetur adipisicing elit", "0xb8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974" },
    };

    // Source: ethereum/tests RLPTests/rlptest.json (zero, smallint*, mediumint*, bigint).
    public static TheoryData<string, string> IntegerVectors => new()
    {
        { "0", "0x80" },
        { "1", "0x01" },
        { "16", "0x10" },
        { "79", "0x4f" },
        { "127", "0x7f" },
        { "128", "0x8180" },
        { "1000", "0x8203e8" },
        { "100000", "0x830186a0" },
        { "83729609699884896815286331701780722", "0x8f102030405060708090a0b0c0d0e0f2" },
        { "105315505618206987246253880190783558935785933862974822347068935681", "0x9c0100020003000400050006000700080009000a000b000c000d000e01" },
        { "115792089237316195423570985008687907853269984665640564039457584007913129639936", "0xa1010000000000000000000000000000000000000000000000000000000000000000" },
    };

    [Theory]
    [MemberData(nameof(StringVectors))]
    public void EncodeBytes_RlpTestVector_MatchesExpected(string input, string expected) =>
        Assert.Equal(expected, Hex.Encode(RlpEncoder.EncodeBytes(Encoding.ASCII.GetBytes(input))));

    [Fact]
    public void EncodeBytes_LongString2Vector_HasTwoByteLengthHeader()
    {
        // Source: ethereum/tests RLPTests/rlptest.json "longstring2": a 1024-byte string encodes with header b9 04 00.
        var payload = Enumerable.Repeat((byte)'a', 1024).ToArray();
        var encoded = RlpEncoder.EncodeBytes(payload);
        Assert.Equal(1027, encoded.Length);
        Assert.Equal("0xb90400", Hex.Encode(encoded.AsSpan(0, 3)));
        Assert.Equal(payload, encoded[3..]);
    }

    [Theory]
    [MemberData(nameof(IntegerVectors))]
    public void EncodeUInt_BigIntegerVector_MatchesExpected(string value, string expected) =>
        Assert.Equal(expected, Hex.Encode(RlpEncoder.EncodeUInt(BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture))));

    [Theory]
    [InlineData(0UL, "0x80")]
    [InlineData(1UL, "0x01")]
    [InlineData(127UL, "0x7f")]
    [InlineData(128UL, "0x8180")]
    [InlineData(1000UL, "0x8203e8")]
    [InlineData(100000UL, "0x830186a0")]
    [InlineData(ulong.MaxValue, "0x88ffffffffffffffff")]
    public void EncodeUInt_UInt64_MatchesExpected(ulong value, string expected) =>
        Assert.Equal(expected, Hex.Encode(RlpEncoder.EncodeUInt(value)));

    [Fact]
    public void EncodeUInt_NegativeBigInteger_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RlpEncoder.EncodeUInt(BigInteger.MinusOne));

    [Fact]
    public void EncodeList_Vectors_MatchExpected()
    {
        // Source: ethereum/tests RLPTests/rlptest.json "emptylist", "stringlist", "multilist", "listsoflists", "listsoflists2".
        Assert.Equal("0xc0", Hex.Encode(RlpEncoder.EncodeList()));
        Assert.Equal("0xcc83646f6783676f6483636174", Hex.Encode(RlpEncoder.EncodeList(Str("dog"), Str("god"), Str("cat"))));
        Assert.Equal("0xc6827a77c10401", Hex.Encode(RlpEncoder.EncodeList(Str("zw"), RlpEncoder.EncodeList(RlpEncoder.EncodeUInt(4UL)), RlpEncoder.EncodeUInt(1UL))));
        var empty = RlpEncoder.EncodeList();
        Assert.Equal("0xc4c2c0c0c0", Hex.Encode(RlpEncoder.EncodeList(RlpEncoder.EncodeList(empty, empty), empty)));
        Assert.Equal("0xc7c0c1c0c3c0c1c0", Hex.Encode(RlpEncoder.EncodeList(empty, RlpEncoder.EncodeList(empty), RlpEncoder.EncodeList(empty, RlpEncoder.EncodeList(empty)))));
    }

    [Fact]
    public void EncodeList_ShortListMax1AndLongLists_MatchExpected()
    {
        // Source: ethereum/tests RLPTests/rlptest.json "shortListMax1", "longList1", "longList2".
        var words = new[] { "asdf", "qwer", "zxcv", "asdf", "qwer", "zxcv", "asdf", "qwer", "zxcv", "asdf", "qwer" };
        Assert.Equal(
            "0xf784617364668471776572847a78637684617364668471776572847a78637684617364668471776572847a78637684617364668471776572",
            Hex.Encode(RlpEncoder.EncodeList(words.Select(Str).ToArray())));

        var triple = RlpEncoder.EncodeList(Str("asdf"), Str("qwer"), Str("zxcv"));
        Assert.Equal(
            "0xf840" + string.Concat(Enumerable.Repeat("cf84617364668471776572847a786376", 4)),
            Hex.Encode(RlpEncoder.EncodeList(Enumerable.Repeat(triple, 4).ToList())));
        Assert.Equal(
            "0xf90200" + string.Concat(Enumerable.Repeat("cf84617364668471776572847a786376", 32)),
            Hex.Encode(RlpEncoder.EncodeList(Enumerable.Repeat(triple, 32).ToList())));
    }

    [Fact]
    public void EncodeList_DictTest1_MatchesExpected()
    {
        // Source: ethereum/tests RLPTests/rlptest.json "dictTest1".
        var pairs = Enumerable.Range(1, 4).Select(i => RlpEncoder.EncodeList(Str($"key{i}"), Str($"val{i}"))).ToList();
        Assert.Equal(
            "0xecca846b6579318476616c31ca846b6579328476616c32ca846b6579338476616c33ca846b6579348476616c34",
            Hex.Encode(RlpEncoder.EncodeList(pairs)));
    }

    [Fact]
    public void EncodeList_NullItem_Throws() =>
        Assert.Throws<ArgumentNullException>(() => RlpEncoder.EncodeList(new byte[][] { [0x80], null! }));

    [Fact]
    public void EncodeAddress_NullAndValue_EncodeEmptyAndTwentyBytes()
    {
        Assert.Equal("0x80", Hex.Encode(RlpEncoder.EncodeAddress(null)));
        var address = Address.Parse("0x3535353535353535353535353535353535353535");
        Assert.Equal("0x943535353535353535353535353535353535353535", Hex.Encode(RlpEncoder.EncodeAddress(address)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(65536)]
    public void WriteBytes_AnyLength_WritesExactlyGetBytesLength(int length)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)(i | 0x80)).ToArray();
        var destination = new byte[RlpEncoder.GetBytesLength(payload) + 3];
        var written = RlpEncoder.WriteBytes(payload, destination);
        Assert.Equal(RlpEncoder.GetBytesLength(payload), written);
        Assert.Equal(RlpEncoder.EncodeBytes(payload), destination[..written]);
        Assert.Throws<ArgumentException>(() => RlpEncoder.WriteBytes(payload, new byte[written - 1]));
    }

    private static byte[] Str(string text) => RlpEncoder.EncodeBytes(Encoding.ASCII.GetBytes(text));
}
