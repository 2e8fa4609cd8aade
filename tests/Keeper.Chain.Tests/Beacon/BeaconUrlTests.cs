using Keeper.Chain.Beacon;
using Xunit;

namespace Keeper.Chain.Tests.Beacon;

public sealed class BeaconUrlTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5052", null, "http://127.0.0.1:5052/eth/v1/beacon/genesis")]
    [InlineData("http://127.0.0.1:5052/", null, "http://127.0.0.1:5052/eth/v1/beacon/genesis")]
    [InlineData("https://node.example/key/", null, "https://node.example/key/eth/v1/beacon/genesis")]
    [InlineData("https://node.example/key", "id=1,2", "https://node.example/key/eth/v1/beacon/genesis?id=1,2")]
    [InlineData("https://node.example/?k=v", "id=1", "https://node.example/eth/v1/beacon/genesis?k=v&id=1")]
    [InlineData("https://node.example/?k=v", null, "https://node.example/eth/v1/beacon/genesis?k=v")]
    public void Build_BaseWithOrWithoutPathAndQuery_AppendsPathAndMergesQuery(string baseUrl, string? query, string expected) =>
        Assert.Equal(expected, BeaconUrl.Build(new Uri(baseUrl), "/eth/v1/beacon/genesis", query).AbsoluteUri);

    [Theory]
    [InlineData("head", true, true)]
    [InlineData("finalized", true, true)]
    [InlineData("genesis", true, true)]
    [InlineData("justified", true, true)]
    [InlineData("justified", false, false)]
    [InlineData("0", true, true)]
    [InlineData("18446744073709551615", true, true)]
    [InlineData("18446744073709551616", true, false)]
    [InlineData("-1", true, false)]
    [InlineData("0xcf8e0d4e9587369b2301d0790347320302cc0943d5a1884560367e8208d920f2", true, true)]
    [InlineData("0xcf8e0d4e9587369b2301d0790347320302cc0943d5a1884560367e8208d920f", true, false)]
    [InlineData("Head", true, false)]
    [InlineData("head?x=1", true, false)]
    public void IsValidStateOrBlockId_Forms_AcceptsOnlyTheApiForms(string id, bool allowJustified, bool expected) =>
        Assert.Equal(expected, BeaconUrl.IsValidStateOrBlockId(id, allowJustified));
}
