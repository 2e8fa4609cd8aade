using Keeper.Chain.Beacon;
using Xunit;

namespace Keeper.Chain.Tests.Beacon;

public sealed class ValidatorPubkeyTests
{
    [Fact]
    public void Parse_SpecExampleInUpperCase_EqualsLowerCaseAndPrintsLowerCase()
    {
        var lower = ValidatorPubkey.Parse(BeaconSpecExamples.Pubkey);
        var upper = ValidatorPubkey.Parse("0x" + BeaconSpecExamples.Pubkey[2..].ToUpperInvariant());

        Assert.Equal(lower, upper);
        Assert.Equal(lower.GetHashCode(), upper.GetHashCode());
        Assert.Equal(BeaconSpecExamples.Pubkey, upper.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("0x93247f22")]
    [InlineData("93247f2209abcacf57b75a51dafae777f9dd38bc7053d1af526f220a7489a6d3a2753e5f3e8b1cfe39b56f43611df74a00")]
    [InlineData("0xzz247f2209abcacf57b75a51dafae777f9dd38bc7053d1af526f220a7489a6d3a2753e5f3e8b1cfe39b56f43611df74a")]
    public void TryParse_NotA48ByteHexKey_ReturnsFalse(string text)
    {
        Assert.False(ValidatorPubkey.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ValidatorPubkey.Parse(text));
    }

    [Fact]
    public void Constructor_WrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new ValidatorPubkey(new byte[32]));

    [Fact]
    public void Dictionary_KeyedByPubkey_FindsByAnEqualCopy()
    {
        var bytes = ValidatorPubkey.Parse(BeaconSpecExamples.Pubkey).ToArray();
        var map = new Dictionary<ValidatorPubkey, int> { [new ValidatorPubkey(bytes)] = 7 };
        bytes[0] ^= 0xff;

        Assert.Equal(7, map[ValidatorPubkey.Parse(BeaconSpecExamples.Pubkey)]);
        Assert.False(map.ContainsKey(new ValidatorPubkey(bytes)));
    }
}
