using System.Text;
using Keeper.Chain.Beacon;
using Keeper.Testing.Beacon;
using Keeper.Testing.Http;
using Keeper.Testing.Logging;
using Xunit;
using static Keeper.Chain.Tests.Beacon.BeaconTestKit;

namespace Keeper.Chain.Tests.Beacon;

public sealed class BeaconClientRedactionTests
{
    private static readonly string[] Secrets = ["s3cr3t-api-key", "hunter2", "alice", "token-in-query"];

    [Fact]
    public async Task GetValidatorsAsync_EndpointsWithCredentialsFail_NoCredentialInExceptionOrLogs()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        node.FailNext(ScriptedBehavior.Respond(500, "down"), ScriptedBehavior.Abort(), ScriptedBehavior.Respond(401, """{"message":"bad key"}"""));
        var dead = ScriptedHttpServer.ClosedPortUrl();
        Uri[] endpoints =
        [
            new($"http://127.0.0.1:{dead.Port}/s3cr3t-api-key/"),
            new($"http://alice:hunter2@127.0.0.1:{node.Url.Port}/beacon?apikey=token-in-query"),
        ];
        var logger = new CollectingLogger<BeaconClient>();
        using var client = new BeaconClient(FastOptions(endpoints) with { MaxAttempts = 5 }, logger: logger);

        var error = await Assert.ThrowsAsync<BeaconApiException>(
            () => client.GetValidatorsAsync([Pubkey(1)], "head", CancellationToken.None)).Within();

        Assert.Contains($"#0 http://127.0.0.1:{dead.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Message.Contains($"#1 http://127.0.0.1:{node.Url.Port}", StringComparison.Ordinal));
        AssertNoSecret([error.ToString(), .. logger.Entries.Select(e => e.Message)]);
    }

    [Fact]
    public async Task GetGenesisAsync_NodeEchoesTheUrlInItsError_MessageIsScrubbed()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        var endpoint = new Uri($"http://127.0.0.1:{node.Url.Port}/s3cr3t-api-key/?apikey=token-in-query");
        node.FailNext(ScriptedBehavior.Compute(request => new ScriptedResponse(
            400, $$"""{"code":400,"message":"bad path {{request.PathAndQuery}} at http://127.0.0.1:{{node.Url.Port}}{{request.PathAndQuery}}"}""")));
        var logger = new CollectingLogger<BeaconClient>();
        using var client = new BeaconClient(FastOptions(endpoint), logger: logger);

        var error = await Assert.ThrowsAsync<BeaconApiException>(() => client.GetGenesisAsync(CancellationToken.None)).Within();

        Assert.Equal(BeaconFailureKind.Refused, error.Kind);
        Assert.Contains("bad path [redacted]", error.Message, StringComparison.Ordinal);
        AssertNoSecret([error.ToString(), .. logger.Entries.Select(e => e.Message)]);
    }

    [Fact]
    public async Task GetGenesisAsync_EndpointWithUserInfo_SendsBasicAuthorizationAndNoUserInfoInUrl()
    {
        await using var node = await FakeBeaconNode.StartAsync();
        using var client = new BeaconClient(FastOptions(new Uri($"http://alice:hunter2@127.0.0.1:{node.Url.Port}/")));

        await client.GetGenesisAsync(CancellationToken.None).Within();

        var request = Assert.Single(node.Requests);
        Assert.Equal("/eth/v1/beacon/genesis", request.PathAndQuery);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:hunter2")), request.Headers["Authorization"]);
    }

    [Fact]
    public void Options_InvalidEndpointWithCredentials_ErrorShowsItRedacted()
    {
        var options = new BeaconClientOptions { Endpoints = [new Uri("ftp://alice:hunter2@node.example/s3cr3t-api-key")] };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("ftp://node.example:21", error.Message, StringComparison.Ordinal);
        AssertNoSecret([error.Message]);
    }

    private static void AssertNoSecret(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
