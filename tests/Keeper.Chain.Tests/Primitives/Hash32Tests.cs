using Keeper.Chain.Primitives;
using Nethereum.Util;
using Xunit;

namespace Keeper.Chain.Tests.Primitives;

public sealed class Hash32Tests
{
    [Fact]
    public void Parse_ToString_RoundTripsLowercase()
    {
        const string Text = "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53";
        Assert.Equal(Text, Hash32.Parse(Text.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)).ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0x")]
    [InlineData("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53")]
    [InlineData("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e")]
    [InlineData("0xzaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53")]
    public void TryParse_Malformed_ReturnsFalse(string? text) => Assert.False(Hash32.TryParse(text, out _));

    [Fact]
    public void Parse_Malformed_ThrowsFormatException() => Assert.Throws<FormatException>(() => Hash32.Parse("0x12"));

    [Fact]
    public void Constructor_WrongLength_Throws() => Assert.Throws<ArgumentException>(() => new Hash32(new byte[31]));

    [Fact]
    public void Equality_ByValue()
    {
        var a = new Hash32(Sha3Keccack.Current.CalculateHashAsBytes("a"));
        var b = new Hash32(Sha3Keccack.Current.CalculateHashAsBytes("a"));
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != new Hash32(Sha3Keccack.Current.CalculateHashAsBytes("b")));
        Assert.Equal(Hash32.Zero, default);
    }

    [Fact]
    public void Keccak256_EmptyInput_MatchesKnownDigest()
    {
        // Keccak-256 of the empty string, as in every Ethereum client (the empty code hash).
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", new Hash32(Sha3Keccack.Current.CalculateHash([])).ToString());
    }
}
