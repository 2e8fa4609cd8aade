using Keeper.Chain.Rpc;
using Keeper.Testing.Http;
using Keeper.Testing.Logging;
using Keeper.Testing.Time;
using Xunit;
using static Keeper.Chain.Tests.Rpc.RpcTestKit;

namespace Keeper.Chain.Tests.Rpc;

/// <summary>A hung endpoint never holds a call past its deadline, and a second endpoint answers a slow read.</summary>
public sealed class FailoverClientHedgingTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Hedge = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task SendAsync_FirstEndpointHangsWithoutHedging_AbandonsItAtTheDeadlineForTheSecond()
    {
        await using var hung = await ScriptedHttpServer.StartAsync();
        await using var live = await ScriptedHttpServer.StartAsync();
        hung.Enqueue(ScriptedBehavior.Hang());
        live.Enqueue(Answer("0x7"));
        var time = new ManualTimeProvider(Epoch);
        using var client = new FailoverClient(FastOptions(hung.Url, live.Url) with { RequestTimeout = Deadline }, timeProvider: time);

        var call = client.SendAsync("eth_blockNumber", [], CancellationToken.None);
        await hung.WaitForRequestAsync(1, Patience);
        Assert.Equal(Deadline, await time.NextScheduledAsync(d => d == Deadline, Patience));
        time.Advance(Deadline);

        Assert.Equal("0x7", (await call.Within()).GetString());
        Assert.Equal(1, live.RequestCount);
        Assert.Equal(1, client.ErrorCount);
        Assert.Equal(1, client.PreferredEndpointIndex);
    }

    [Fact]
    public async Task SendAsync_FirstEndpointHangs_HedgesToTheSecondWhichAnswersBeforeTheDeadline()
    {
        await using var hung = await ScriptedHttpServer.StartAsync();
        await using var live = await ScriptedHttpServer.StartAsync();
        hung.Enqueue(ScriptedBehavior.Hang());
        live.Enqueue(Answer("0x8"));
        var time = new ManualTimeProvider(Epoch);
        var logger = new CollectingLogger<FailoverClient>();
        var options = FastOptions(hung.Url, live.Url) with { RequestTimeout = Deadline, HedgeDelay = Hedge };
        using var client = new FailoverClient(options, timeProvider: time, logger: logger);

        var call = client.SendAsync("eth_getBlockByNumber", ["latest", false], CancellationToken.None);
        await hung.WaitForRequestAsync(1, Patience);
        Assert.Equal(Hedge, await time.NextScheduledAsync(d => d == Hedge, Patience));
        time.Advance(Hedge);

        // The clock stays short of the deadline: only the hedge can answer.
        Assert.Equal("0x8", (await call.Within()).GetString());
        Assert.Equal(1, hung.RequestCount);
        Assert.Equal(1, live.RequestCount);
        Assert.Equal(2, client.RequestCount);
        Assert.Equal(0, client.ErrorCount);
        Assert.Equal(1, client.PreferredEndpointIndex);
        var hedged = Assert.Single(logger.Entries, e => e.EventId.Id == 5);
        Assert.Contains($"#0 http://127.0.0.1:{hung.Url.Port} has not answered within 500 ms", hedged.Message, StringComparison.Ordinal);
        Assert.Contains($"asking endpoint #1 http://127.0.0.1:{live.Url.Port} too", hedged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendBatchAsync_FirstEndpointHangs_HedgesTheBatch()
    {
        await using var hung = await ScriptedHttpServer.StartAsync();
        await using var live = await ScriptedHttpServer.StartAsync();
        hung.Enqueue(ScriptedBehavior.Hang());
        live.Enqueue(JsonRpcReplies.Results((method, _) => method));
        var time = new ManualTimeProvider(Epoch);
        using var client = new FailoverClient(FastOptions(hung.Url, live.Url) with { RequestTimeout = Deadline, HedgeDelay = Hedge }, timeProvider: time);

        var call = client.SendBatchAsync([new("eth_chainId", []), new("eth_blockNumber", [])], CancellationToken.None);
        await hung.WaitForRequestAsync(1, Patience);
        await time.NextScheduledAsync(d => d == Hedge, Patience);
        time.Advance(Hedge);

        Assert.Equal(["eth_chainId", "eth_blockNumber"], (await call.Within()).Select(r => r.GetResultOrThrow().GetString()));
        Assert.Equal(2, client.BatchCount);
        Assert.Equal(0, client.ErrorCount);
    }

    [Fact]
    public async Task SendAsync_RawTransactionToAHungEndpoint_IsNotHedgedButMovesOnAtTheDeadline()
    {
        await using var hung = await ScriptedHttpServer.StartAsync();
        await using var live = await ScriptedHttpServer.StartAsync();
        hung.Enqueue(ScriptedBehavior.Hang());
        live.Enqueue(Answer("0x" + new string('1', 64)));
        var time = new ManualTimeProvider(Epoch);
        var logger = new CollectingLogger<FailoverClient>();
        var options = FastOptions(hung.Url, live.Url) with { RequestTimeout = Deadline, HedgeDelay = Hedge };
        using var client = new FailoverClient(options, timeProvider: time, logger: logger);

        var call = client.SendAsync("eth_sendRawTransaction", ["0x02"], CancellationToken.None);
        await hung.WaitForRequestAsync(1, Patience);
        await time.NextScheduledAsync(d => d == Deadline, Patience);
        time.Advance(Deadline);

        await call.Within();
        // Hedged, the second endpoint would have answered before the deadline and the hung attempt would not have failed.
        Assert.Equal(1, client.ErrorCount);
        Assert.Equal(1, live.RequestCount);
        Assert.DoesNotContain(logger.Entries, e => e.EventId.Id == 5);
    }

    [Fact]
    public async Task SendAsync_EveryEndpointDown_ThrowsTransportExceptionSayingHowOftenAndWhy()
    {
        var first = ScriptedHttpServer.ClosedPortUrl();
        var second = ScriptedHttpServer.ClosedPortUrl();
        using var client = new FailoverClient(FastOptions(first, second) with { MaxAttempts = 4, HedgeDelay = Hedge });

        var error = await Assert.ThrowsAsync<JsonRpcTransportException>(
            () => client.SendAsync("eth_blockNumber", [], CancellationToken.None)).Within();

        Assert.Equal("eth_blockNumber", error.Method);
        Assert.Equal(4, error.Attempts);
        Assert.Contains("eth_blockNumber failed after 4 attempts across 2 endpoints", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection error", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, client.ErrorCount);
    }
}
