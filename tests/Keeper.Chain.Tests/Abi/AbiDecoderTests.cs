using System.Numerics;
using Keeper.Chain.Abi;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Abi;

public sealed class AbiDecoderTests
{
    private static readonly string Zero = Word(0);

    [Fact]
    public void Decode_OffsetBeyondEnd_ThrowsNamingPosition()
    {
        var data = Hex.Decode(Word(1) + Word(0x1000));

        var ex = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.UInt256, AbiType.Bytes], data));

        Assert.Equal(32, ex.Position);
        Assert.Equal("value 1 (bytes) at byte 32: offset 0x1000 exceeds the data length (64 bytes).", ex.Message);
    }

    [Fact]
    public void Decode_OffsetPointingPastEndButWithinLengthBound_Throws()
    {
        // The offset is 64, equal to the data length: in bounds as a number, but no length word follows it.
        var data = Hex.Decode(Word(0x40) + Zero);

        var ex = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.String], data));

        Assert.Equal(64, ex.Position);
        Assert.Contains("value 0 (string)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("the data ends at byte 64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HugeOffset_ThrowsWithoutOverflow()
    {
        var data = Hex.Decode("8" + new string('0', 63) + Zero);

        var ex = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Bytes], data));

        Assert.Contains("offset 0x8000", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, ex.Position);
    }

    [Fact]
    public void Decode_BytesLengthOverflow_Throws()
    {
        // Length 2^64 - 1: would overflow any int arithmetic or allocation if trusted.
        var data = Hex.Decode(Word(0x20) + new string('0', 48) + "ffffffffffffffff" + Zero);

        var ex = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Bytes], data));

        Assert.Equal(32, ex.Position);
        Assert.Contains("length 0xffffffffffffffff exceeds the data length (96 bytes)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BytesLengthPastEnd_Throws()
    {
        var data = Hex.Decode(Word(0x20) + Word(40) + Zero);

        var ex = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Bytes], data));

        Assert.Contains("length 40 runs past the end of the data (96 bytes, 32 available)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ArrayLengthLargerThanTheDataCouldHold_ThrowsBeforeAllocating()
    {
        // 96 elements fit the "length <= data length" bound but need 3072 bytes of heads.
        var data = Hex.Decode(Word(0x20) + Word(96) + Zero);

        var ex = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Parse("uint256[]")], data));

        Assert.Contains("array length 96 needs 3072 bytes of head, but only 32 bytes follow", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ArrayLengthOverflow_Throws()
    {
        var data = Hex.Decode(Word(0x20) + new string('f', 64));

        var ex = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Parse("(uint256,bytes)[]")], data));

        Assert.Contains("array length 0xffff", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_AliasedOffsets_AreRejectedInsteadOfAmplified()
    {
        // An outer array of n offsets that all point at the same inner array of n elements: (2n + 4) words of data
        // that would decode to n * n values if offsets were followed blindly.
        const int n = 1000;
        var inner = n * 32;
        var hex = Word(0x20) + Word(n) + string.Concat(Enumerable.Repeat(Word(inner), n)) + Word(n) + string.Concat(Enumerable.Repeat(Word(7), n));

        var ex = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Parse("uint256[][]")], Hex.Decode(hex)));

        Assert.Contains("overlapping offsets", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_LargeCanonicalEncoding_IsWithinBudget()
    {
        var values = Enumerable.Range(0, 300).Select(i => Enumerable.Range(0, 300).Select(j => new BigInteger(i * j)).ToArray()).ToArray();
        var type = AbiType.Parse("uint256[][]");

        var decoded = (object?[])AbiDecoder.Decode(type, AbiEncoder.Encode(type, values))!;

        Assert.Equal(300, decoded.Length);
        Assert.Equal(new BigInteger(299 * 299), ((object?[])decoded[299]!)[299]);
    }

    [Theory]
    [InlineData("bool", "0000000000000000000000000000000000000000000000000000000000000002", "a bool must be 0 or 1, got 2")]
    [InlineData("bool", "0100000000000000000000000000000000000000000000000000000000000001", "the high-order bytes must be zero, but byte 0 is 0x01")]
    [InlineData("address", "0000000000000000000000015aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "the high-order bytes must be zero, but byte 11 is 0x01")]
    [InlineData("uint8", "0000000000000000000000000000000000000000000000000000000000000100", "is out of range 0..255 (its unused high bits must be zero)")]
    [InlineData("uint32", "ff000000000000000000000000000000000000000000000000000000ffffffff", "is out of range 0..4294967295")]
    [InlineData("int8", "00000000000000000000000000000000000000000000000000000000000000ff", "is out of range -128..127 (it must be sign-extended from its top bit)")]
    [InlineData("int8", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "is out of range -128..127")]
    [InlineData("bytes3", "6162630000000000000000000000000000000000000000000000000000000001", "the padding after the value must be zero, but byte 31 is 0x01")]
    public void Decode_DirtyWord_IsRejected(string type, string wordHex, string expectedReason)
    {
        var ex = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.Parse(type)], Hex.Decode(wordHex)));

        Assert.StartsWith($"value 0 ({type}) at byte ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expectedReason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000080", -128)]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff80", -128)]
    [InlineData("000000000000000000000000000000000000000000000000000000000000007f", 127)]
    public void Decode_Int8Word_IsCheckedForSignExtension(string wordHex, int expected)
    {
        if (wordHex.StartsWith("00", StringComparison.Ordinal) && expected < 0)
        {
            // 0x80 without sign extension is +128, which int8 cannot hold.
            Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode(AbiType.Int(8), Hex.Decode(wordHex)));
            return;
        }

        Assert.Equal(new BigInteger(expected), AbiDecoder.Decode(AbiType.Int(8), Hex.Decode(wordHex)));
    }

    [Fact]
    public void Decode_BytesWithDirtyPadding_IsRejected()
    {
        var data = Hex.Decode(Word(0x20) + Word(3) + "6162630000000000000000000000000000000000000000000000000000000009");

        var ex = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.String], data));

        Assert.Equal(95, ex.Position);
        Assert.Contains("the padding after the content must be zero, but byte 95 is 0x09", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BytesWithPaddingCutAtTheEnd_IsAcceptedLikeSolidity()
    {
        var data = Hex.Decode(Word(0x20) + Word(3) + "616263");

        Assert.Equal("abc", AbiDecoder.Decode(AbiType.String, data));
    }

    [Fact]
    public void Decode_InvalidUtf8_IsRejected()
    {
        var data = Hex.Decode(Word(0x20) + Word(2) + "c328" + new string('0', 60));

        var ex = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.String], data));

        Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_DataShorterThanHead_Throws()
    {
        var ex = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([AbiType.UInt256, AbiType.Parse("uint8[2]")], new byte[64]));

        Assert.Equal("The data holds 64 bytes, fewer than the 96 bytes of head that (uint256,uint8[2]) needs.", ex.Message);
    }

    [Fact]
    public void Decode_NestedProblem_NamesThePath()
    {
        var type = AbiType.Parse("(uint256,bool[])");
        var data = AbiEncoder.Encode(type, new object?[] { 1, new[] { true, false, true } });
        data[^1] = 2;

        var ex = Assert.Throws<AbiDecodingException>(() => AbiDecoder.Decode([type], data));

        Assert.StartsWith("value 0.1[2] (bool) at byte ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(data.Length - 32, ex.Position);
    }

    [Fact]
    public void Decode_TrailingBytes_AreIgnoredLikeSolidity()
    {
        var data = Hex.Decode(Word(5) + Word(6));

        Assert.Equal(new BigInteger(5), AbiDecoder.Decode(AbiType.UInt256, data));
    }

    [Fact]
    public void Decode_NoTypes_ReturnsNoValues()
    {
        Assert.Empty(AbiDecoder.Decode([], ReadOnlySpan<byte>.Empty));
    }

    private static string Word(long value) => value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
}
