using System.Text;
using Keeper.Chain.Rpc;
using Keeper.Testing.Http;
using Keeper.Testing.Logging;
using Xunit;
using static Keeper.Chain.Tests.Rpc.RpcTestKit;

namespace Keeper.Chain.Tests.Rpc;

public sealed class FailoverClientRedactionTests
{
    private static readonly string[] Secrets = ["s3cr3t-api-key", "hunter2", "alice", "token-in-query"];

    [Fact]
    public async Task SendAsync_EndpointsWithCredentialsFail_NoCredentialInExceptionOrLogs()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(ScriptedBehavior.Respond(500, "down"), 2);
        server.Enqueue(ScriptedBehavior.Abort());
        var dead = ScriptedHttpServer.ClosedPortUrl();
        Uri[] endpoints =
        [
            new($"http://127.0.0.1:{dead.Port}/v3/s3cr3t-api-key"),
            new($"http://alice:hunter2@127.0.0.1:{server.Url.Port}/rpc?apikey=token-in-query"),
        ];
        var logger = new CollectingLogger<FailoverClient>();
        using var client = new FailoverClient(FastOptions(endpoints) with { MaxAttempts = 4 }, logger: logger);

        var error = await Assert.ThrowsAsync<JsonRpcTransportException>(
            () => client.SendAsync("eth_blockNumber", [], CancellationToken.None)).Within();

        var texts = new List<string> { error.ToString() };
        texts.AddRange(logger.Entries.Select(e => e.Message));
        Assert.Contains(logger.Entries, e => e.Message.Contains($"#0 http://127.0.0.1:{dead.Port}", StringComparison.Ordinal));
        Assert.Contains($"#1 http://127.0.0.1:{server.Url.Port}", error.Message, StringComparison.Ordinal);
        foreach (var text in texts)
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task SendAsync_EndpointWithUserInfo_SendsBasicAuthorizationAndKeepsPathAndQuery()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(Answer("0x1"));
        var endpoint = new Uri($"http://alice:hunter2@127.0.0.1:{server.Url.Port}/v3/s3cr3t-api-key?x=1");
        using var client = new FailoverClient(FastOptions(endpoint));

        await client.SendAsync("eth_chainId", [], CancellationToken.None).Within();

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v3/s3cr3t-api-key?x=1", request.PathAndQuery);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:hunter2")), request.Headers["Authorization"]);
    }

    [Fact]
    public void Options_InvalidEndpointWithCredentials_ErrorShowsItRedacted()
    {
        var options = new FailoverClientOptions { Endpoints = [new Uri("ftp://alice:hunter2@node.example:21/s3cr3t-api-key")] };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("ftp://node.example:21", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-api-key", error.Message, StringComparison.Ordinal);
    }
}
