using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Chain.Tests.Primitives;

public sealed class AddressTests
{
    // Source: ERC-55 (formerly EIP-55), "Test Cases": all caps, all lower, normal.
    public static TheoryData<string> Eip55Vectors => new()
    {
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    };

    [Theory]
    [MemberData(nameof(Eip55Vectors))]
    public void ToString_Eip55Vector_GivesChecksummedForm(string text)
    {
        var fromLower = Address.Parse(text.ToLowerInvariant());
        Assert.Equal(text, fromLower.ToString());
        Assert.Equal(fromLower, Address.Parse(text));
        Assert.Equal(text.ToLowerInvariant(), fromLower.ToLowerHex());
    }

    [Theory]
    [InlineData("0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d35A")]
    public void Parse_MixedCaseWithBadChecksum_ThrowsNamingCorrectForm(string text)
    {
        var ex = Assert.Throws<FormatException>(() => Address.Parse(text));
        Assert.Contains("EIP-55", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Address.Parse(text.ToLowerInvariant()).ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AllUpperCaseDigits_Accepted() =>
        Assert.Equal(Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"), Address.Parse("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedaa")]
    [InlineData("0xzzAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    public void TryParse_Malformed_ReturnsFalse(string? text) => Assert.False(Address.TryParse(text, out _));

    [Fact]
    public void Constructor_WrongLength_Throws() => Assert.Throws<ArgumentException>(() => new Address(new byte[19]));

    [Fact]
    public void Default_EqualsZero()
    {
        Assert.Equal(Address.Zero, default);
        Assert.Equal("0x0000000000000000000000000000000000000000", default(Address).ToString());
    }

    [Fact]
    public void CompareTo_OrdersLikeLowercaseHex()
    {
        var a = Address.Parse("0x0000000000000000000000000000000000000001");
        var b = Address.Parse("0xff00000000000000000000000000000000000000");
        Assert.True(a < b);
        Assert.True(b >= a);
        Assert.True(string.CompareOrdinal(a.ToLowerHex(), b.ToLowerHex()) < 0);
    }

    [Fact]
    public void Equals_SameBytes_EqualWithSameHash()
    {
        var a = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var b = new Address(a.ToArray());
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
