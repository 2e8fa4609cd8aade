using System.Numerics;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Primitives;

public sealed class HexTests
{
    [Theory]
    [InlineData("0x", new byte[0])]
    [InlineData("", new byte[0])]
    [InlineData("0x00ff10", new byte[] { 0x00, 0xff, 0x10 })]
    [InlineData("00FF10", new byte[] { 0x00, 0xff, 0x10 })]
    [InlineData("0XabCD", new byte[] { 0xab, 0xcd })]
    public void Decode_ValidHex_GivesBytes(string hex, byte[] expected) => Assert.Equal(expected, Hex.Decode(hex));

    [Theory]
    [InlineData("0x0")]
    [InlineData("0xzz")]
    [InlineData("0x 0")]
    public void Decode_InvalidHex_Throws(string hex)
    {
        Assert.Throws<FormatException>(() => Hex.Decode(hex));
        Assert.False(Hex.TryDecode(hex, out _));
    }

    [Fact]
    public void Encode_Bytes_LowercaseWithOptionalPrefix()
    {
        Assert.Equal("0x00abff", Hex.Encode([0x00, 0xab, 0xff]));
        Assert.Equal("00abff", Hex.Encode([0x00, 0xab, 0xff], prefix: false));
        Assert.Equal("0x", Hex.Encode([]));
    }

    [Theory]
    [InlineData(0UL, "0x0")]
    [InlineData(1UL, "0x1")]
    [InlineData(0x1aUL, "0x1a")]
    [InlineData(1024UL, "0x400")]
    [InlineData(ulong.MaxValue, "0xffffffffffffffff")]
    public void EncodeQuantity_UInt64_HasNoLeadingZeros(ulong value, string expected)
    {
        Assert.Equal(expected, Hex.EncodeQuantity(value));
        Assert.Equal(expected, Hex.EncodeQuantity(new BigInteger(value)));
        Assert.Equal(value, Hex.DecodeQuantityUInt64(expected));
    }

    [Fact]
    public void EncodeQuantity_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Hex.EncodeQuantity(BigInteger.MinusOne));

    [Fact]
    public void DecodeQuantity_Large_RoundTrips()
    {
        var value = (BigInteger.One << 255) + 12345;
        Assert.Equal(value, Hex.DecodeQuantity(Hex.EncodeQuantity(value)));
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("12")]
    [InlineData("0xg1")]
    public void DecodeQuantity_Malformed_Throws(string text) => Assert.Throws<FormatException>(() => Hex.DecodeQuantity(text));

    [Fact]
    public void DecodeQuantityUInt64_Overflow_Throws() =>
        Assert.Throws<FormatException>(() => Hex.DecodeQuantityUInt64("0x10000000000000000"));
}
