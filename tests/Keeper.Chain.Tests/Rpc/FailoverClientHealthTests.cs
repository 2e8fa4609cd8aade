using System.Collections.Concurrent;
using Keeper.Chain.Rpc;
using Keeper.Testing.Http;
using Keeper.Testing.Time;
using Xunit;
using static Keeper.Chain.Tests.Rpc.RpcTestKit;

namespace Keeper.Chain.Tests.Rpc;

/// <summary>The client keeps each endpoint's health and tells an observer about every attempt, without sending anything to be asked.</summary>
public sealed class FailoverClientHealthTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task EndpointStatus_EndpointHangs_UnreachableSinceTheHungCallWhileItIsStillOutstanding_ThenTheObserverHearsATimeout()
    {
        await using var hung = await ScriptedHttpServer.StartAsync();
        hung.Enqueue(ScriptedBehavior.Hang());
        var time = new ManualTimeProvider(Epoch);
        var observer = new RecordingObserver();
        using var client = new FailoverClient(FastOptions(hung.Url) with { RequestTimeout = Deadline, MaxAttempts = 1 }, timeProvider: time, observer: observer);

        var call = client.SendAsync("eth_blockNumber", [], CancellationToken.None);
        await hung.WaitForRequestAsync(1, Patience);
        var waiting = Assert.Single(client.EndpointStatus());
        // Past the deadline on the clock, before the deadline's timer has run: the call is outstanding and already counts.
        time.Advance(Deadline - TimeSpan.FromTicks(1));
        var justBefore = Assert.Single(client.EndpointStatus());

        Assert.Equal(($"#0 {RpcEndpoint.Redact(hung.Url)}", true, 1), (waiting.Label, waiting.Up, waiting.Outstanding));
        Assert.True(justBefore.Up);
        time.Advance(TimeSpan.FromTicks(1));
        await Assert.ThrowsAsync<JsonRpcTransportException>(() => call.Within());

        var down = Assert.Single(client.EndpointStatus());
        Assert.Equal((false, Epoch, (DateTimeOffset?)null, 0), (down.Up, down.UnreachableSince!.Value, down.LastSuccess, down.Outstanding));
        var attempt = Assert.Single(observer.Attempts);
        Assert.Equal((0, "eth_blockNumber", RpcAttemptOutcome.Timeout, Deadline), (attempt.Endpoint, attempt.Method, attempt.Outcome, attempt.Duration));
    }

    [Fact]
    public async Task Observer_BatchAndAnswer_HeardAsBatchAndAnswered_LabelWithoutPathOrCredentials()
    {
        await using var server = await ScriptedHttpServer.StartAsync();
        server.Enqueue(JsonRpcReplies.Results((_, _) => "0x1"));
        var observer = new RecordingObserver();
        var secret = new UriBuilder(server.Url) { UserName = "user", Password = "pa55", Path = "/v3/key-123" }.Uri;
        using var client = new FailoverClient(FastOptions(secret), observer: observer);
        await client.SendBatchAsync([new("eth_chainId", []), new("eth_blockNumber", [])], CancellationToken.None).Within();

        var attempt = Assert.Single(observer.Attempts);
        Assert.Equal((FailoverClient.BatchMethod, RpcAttemptOutcome.Answered), (attempt.Method, attempt.Outcome));
        Assert.Equal($"#0 http://127.0.0.1:{server.Url.Port}", attempt.EndpointLabel);
        Assert.True(Assert.Single(client.EndpointStatus()).LastSuccess is not null);
    }

    private sealed class RecordingObserver : IRpcObserver
    {
        public ConcurrentQueue<RpcAttempt> Attempts { get; } = new();

        public void Attempted(RpcAttempt attempt) => Attempts.Enqueue(attempt);
    }
}
