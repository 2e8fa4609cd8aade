using Keeper.Chain.Rpc;
using Keeper.Testing.Http;
using Keeper.Testing.Logging;
using Keeper.Testing.Time;
using Xunit;
using static Keeper.Chain.Tests.Rpc.RpcTestKit;

namespace Keeper.Chain.Tests.Rpc;

public sealed class FailoverClientFailoverTests
{
    [Fact]
    public async Task SendAsync_PrimaryDead_FailsOverAndStaysOnTheLiveEndpoint()
    {
        await using var live = await ScriptedHttpServer.StartAsync();
        live.Enqueue(Answer("0x1"), Answer("0x2"));
        var dead = ScriptedHttpServer.ClosedPortUrl();
        using var client = new FailoverClient(FastOptions(dead, live.Url));

        var first = await client.SendAsync("eth_blockNumber", [], CancellationToken.None).Within();
        var second = await client.SendAsync("eth_blockNumber", [], CancellationToken.None).Within();

        Assert.Equal("0x1", first.GetString());
        Assert.Equal("0x2", second.GetString());
        Assert.Equal(2, live.RequestCount);
        // Three HTTP requests in all: the dead primary cost one failure, not one per call.
        Assert.Equal(3, client.RequestCount);
        Assert.Equal(1, client.ErrorCount);
        Assert.Equal(1, client.PreferredEndpointIndex);
    }

    [Fact]
    public async Task SendAsync_FailoverToUntriedEndpoint_DoesNotWait()
    {
        await using var primary = await ScriptedHttpServer.StartAsync();
        await using var secondary = await ScriptedHttpServer.StartAsync();
        primary.Enqueue(ScriptedBehavior.Respond(429, "slow down", ("Retry-After", "30")));
        secondary.Enqueue(Answer("0x1"));
        var time = new ManualTimeProvider(Epoch);
        var options = FastOptions(primary.Url, secondary.Url) with { InitialBackoff = TimeSpan.FromSeconds(1) };
        using var client = new FailoverClient(options, timeProvider: time);

        // The clock never moves: any backoff before the secondary would hang the call.
        var result = await client.SendAsync("eth_blockNumber", [], CancellationToken.None).Within();

        Assert.Equal("0x1", result.GetString());
        Assert.Equal(1, primary.RequestCount);
        Assert.Equal(1, secondary.RequestCount);
    }

    [Fact]
    public async Task SendAsync_EveryEndpointFailing_RoundRobinsAndBacksOffOnlyWhenComingBack()
    {
        await using var a = await ScriptedHttpServer.StartAsync();
        await using var b = await ScriptedHttpServer.StartAsync();
        a.Enqueue(ScriptedBehavior.Respond(500, "a down"), ScriptedBehavior.Respond(500, "a down"), Answer("0xa"));
        b.Enqueue(ScriptedBehavior.Respond(500, "b down"), ScriptedBehavior.Respond(500, "b down"));
        var time = new ManualTimeProvider(Epoch);
        var options = FastOptions(a.Url, b.Url) with { InitialBackoff = TimeSpan.FromMilliseconds(100), RequestTimeout = TimeSpan.FromHours(1) };
        var logger = new CollectingLogger<FailoverClient>();
        using var client = new FailoverClient(options, timeProvider: time, logger: logger);

        var call = client.SendAsync("eth_blockNumber", [], CancellationToken.None);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var delay = await time.NextScheduledAsync(d => d != options.RequestTimeout, Patience);
            delays.Add(delay);
            time.Advance(delay);
        }

        Assert.Equal("0xa", (await call.Within()).GetString());
        // Attempts: a, b (no wait), a (100 ms), b (200 ms), a (400 ms).
        Assert.Equal([100, 200, 400], delays.Select(d => d.TotalMilliseconds));
        Assert.Equal(3, a.RequestCount);
        Assert.Equal(2, b.RequestCount);
        Assert.Equal(0, client.PreferredEndpointIndex);
        Assert.Equal(4, logger.Entries.Count(e => e.EventId.Id == 2));
    }

    [Fact]
    public async Task SendAsync_PreferredEndpointFailsLater_FailsOverAndPrefersTheNextOne()
    {
        await using var a = await ScriptedHttpServer.StartAsync();
        await using var b = await ScriptedHttpServer.StartAsync();
        a.Enqueue(Answer("0x1"), ScriptedBehavior.Abort());
        b.Enqueue(Answer("0x2"), Answer("0x3"));
        using var client = new FailoverClient(FastOptions(a.Url, b.Url));

        await client.SendAsync("eth_blockNumber", [], CancellationToken.None).Within();
        var second = await client.SendAsync("eth_blockNumber", [], CancellationToken.None).Within();
        var third = await client.SendAsync("eth_blockNumber", [], CancellationToken.None).Within();

        Assert.Equal("0x2", second.GetString());
        Assert.Equal("0x3", third.GetString());
        Assert.Equal(2, a.RequestCount);
        Assert.Equal(2, b.RequestCount);
        Assert.Equal(1, client.PreferredEndpointIndex);
    }

    [Fact]
    public async Task SendAsync_NodeErrorFromAnEndpoint_IsNotFailedOver()
    {
        await using var a = await ScriptedHttpServer.StartAsync();
        await using var b = await ScriptedHttpServer.StartAsync();
        a.Enqueue(JsonRpcReplies.Error(-32000, "already known"));
        using var client = new FailoverClient(FastOptions(a.Url, b.Url));

        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(
            () => client.SendAsync("eth_sendRawTransaction", ["0x02"], CancellationToken.None)).Within();

        Assert.Equal("already known", error.NodeMessage);
        Assert.Equal(0, b.RequestCount);
    }

    [Fact]
    public async Task SendBatchAsync_PrimaryDead_FailsOverWithTheSameBatch()
    {
        await using var live = await ScriptedHttpServer.StartAsync();
        live.Enqueue(JsonRpcReplies.Results((method, _) => method));
        using var client = new FailoverClient(FastOptions(ScriptedHttpServer.ClosedPortUrl(), live.Url));

        var responses = await client.SendBatchAsync([new("eth_chainId", []), new("eth_gasPrice", [])], CancellationToken.None).Within();

        Assert.Equal(["eth_chainId", "eth_gasPrice"], responses.Select(r => r.GetResultOrThrow().GetString()));
        Assert.Equal(2, client.BatchCount);
        Assert.Equal(1, client.ErrorCount);
    }
}
