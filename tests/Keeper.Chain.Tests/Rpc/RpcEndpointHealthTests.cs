using Keeper.Chain.Rpc;
using Xunit;
using static Keeper.Chain.Tests.Rpc.RpcTestKit;

namespace Keeper.Chain.Tests.Rpc;

/// <summary>An endpoint's health from its own attempts, on a clock the test sets.</summary>
public sealed class RpcEndpointHealthTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly RpcEndpointHealth _health = new(0, "#0 http://127.0.0.1:8545", Deadline);

    [Fact]
    public void Status_NeverAsked_UpWithoutALastSuccess()
    {
        Assert.Equal(new RpcEndpointStatus(0, "#0 http://127.0.0.1:8545", null, null, 0), _health.Status(Epoch));
        Assert.True(_health.Status(Epoch).Up);
    }

    [Fact]
    public void Status_AttemptOutstandingWithinTheDeadline_StillUp()
    {
        _health.Ended(_health.Started(Epoch), RpcAttemptOutcome.Answered, Epoch.AddSeconds(1));
        _health.Started(Epoch.AddSeconds(2));

        var status = _health.Status(Epoch.AddSeconds(2) + Deadline - TimeSpan.FromTicks(1));

        Assert.Equal((true, 1, Epoch.AddSeconds(1)), (status.Up, status.Outstanding, status.LastSuccess));
    }

    [Fact]
    public void Status_AttemptOutstandingPastTheDeadline_UnreachableSinceItStarted()
    {
        _health.Ended(_health.Started(Epoch), RpcAttemptOutcome.Answered, Epoch.AddSeconds(1));
        _health.Started(Epoch.AddSeconds(2));
        _health.Started(Epoch.AddSeconds(5));

        var status = _health.Status(Epoch.AddSeconds(2) + Deadline);

        Assert.Equal((false, Epoch.AddSeconds(2), 2), (status.Up, status.UnreachableSince, status.Outstanding));
    }

    [Fact]
    public void Status_FailuresThenAnAnswer_UnreachableSinceTheFirstFailureUntilTheAnswer()
    {
        var first = _health.Ended(_health.Started(Epoch), RpcAttemptOutcome.Connection, Epoch);
        var second = _health.Ended(_health.Started(Epoch.AddSeconds(3)), RpcAttemptOutcome.Timeout, Epoch.AddSeconds(13));
        var down = _health.Status(Epoch.AddSeconds(13));
        var back = _health.Ended(_health.Started(Epoch.AddSeconds(20)), RpcAttemptOutcome.Answered, Epoch.AddSeconds(21));
        var again = _health.Ended(_health.Started(Epoch.AddSeconds(22)), RpcAttemptOutcome.Answered, Epoch.AddSeconds(23));

        // One change each way to log: failing from the first failure, answering again at the first answer.
        Assert.Equal(((bool, DateTimeOffset)?)(true, Epoch), first);
        Assert.Null(second);
        Assert.Equal(((bool, DateTimeOffset)?)(false, Epoch), back);
        Assert.Null(again);
        Assert.Equal(Epoch, down.UnreachableSince);
        Assert.Equal(new RpcEndpointStatus(0, "#0 http://127.0.0.1:8545", Epoch.AddSeconds(23), null, 0), _health.Status(Epoch.AddSeconds(24)));
    }

    [Fact]
    public void Status_AttemptStartedBeforeTheLastAnswerFailsAfterIt_StillUp()
    {
        var early = _health.Started(Epoch);
        _health.Ended(_health.Started(Epoch.AddSeconds(1)), RpcAttemptOutcome.Answered, Epoch.AddSeconds(2));
        _health.Ended(early, RpcAttemptOutcome.Timeout, Epoch.AddSeconds(10));

        Assert.True(_health.Status(Epoch.AddSeconds(10)).Up);
    }

    [Fact]
    public void Status_AbandonedAttempt_SaysNothingAboutTheEndpoint()
    {
        _health.Ended(_health.Started(Epoch), RpcAttemptOutcome.Abandoned, Epoch.AddSeconds(1));

        Assert.Equal(new RpcEndpointStatus(0, "#0 http://127.0.0.1:8545", null, null, 0), _health.Status(Epoch.AddMinutes(5)));
    }
}
