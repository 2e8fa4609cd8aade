using Keeper.Chain.Rpc;
using Xunit;

namespace Keeper.Chain.Tests.Rpc;

public sealed class RpcEndpointTests
{
    [Theory]
    [InlineData("https://mainnet.infura.io/v3/0123456789abcdef", "#2 https://mainnet.infura.io:443")]
    [InlineData("https://user:pass@node.example/", "#2 https://node.example:443")]
    [InlineData("http://127.0.0.1:8545/?key=secret", "#2 http://127.0.0.1:8545")]
    [InlineData("http://[::1]:8545/rpc", "#2 http://[::1]:8545")]
    public void DisplayName_AnyEndpoint_IsIndexSchemeHostAndPortOnly(string url, string expected)
    {
        Assert.Equal(expected, new RpcEndpoint(2, new Uri(url)).DisplayName);
    }

    [Fact]
    public void Scrub_TextQuotingTheUrlOrItsParts_RemovesThem()
    {
        var endpoint = new RpcEndpoint(0, new Uri("https://alice:hunter%212@node.example/v3/0123456789abcdef?apikey=xyz123"));

        var scrubbed = endpoint.Scrub(
            "failed https://alice:hunter%212@node.example/v3/0123456789abcdef?apikey=xyz123 (path /v3/0123456789abcdef?apikey=xyz123, password hunter!2)");

        Assert.DoesNotContain("0123456789abcdef", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("xyz123", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UserInfo_MovesItToBasicAuthorization()
    {
        var endpoint = new RpcEndpoint(0, new Uri("https://alice:hunter2@node.example/rpc"));

        Assert.Equal(new Uri("https://node.example/rpc"), endpoint.RequestUri);
        Assert.Equal("Basic", endpoint.Authorization!.Scheme);
        Assert.Equal("YWxpY2U6aHVudGVyMg==", endpoint.Authorization.Parameter);
    }
}
