using Keeper.Actors.Runtime;
using Keeper.Actors.TestKit;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Keeper.Actors.Tests.Runtime;

public sealed class SupervisionTests : ActorTestKit
{
    [Fact]
    public async Task Failure_UnderDefaultStrategy_RestartsWithAFreshInstanceAndRunsTheHooksInOrder()
    {
        var probe = CreateTestProbe();
        var child = await StartChildAsync(probe, SupervisorStrategy.Default);
        child.Tell(new Increment());
        child.Tell(new GetCount(), probe.Ref);
        Assert.Equal(1, (await probe.ExpectMsgAsync<Count>()).Value);

        child.Tell(new Fail("boom"));
        child.Tell(new GetCount(), probe.Ref);

        Assert.Equal(new Hook("PreRestart", 1, "boom"), await probe.ExpectMsgAsync<Hook>());
        Assert.Equal(new Hook("PostStop", 1, null), await probe.ExpectMsgAsync<Hook>());
        Assert.Equal(new Hook("PostRestart", 2, "boom"), await probe.ExpectMsgAsync<Hook>());
        Assert.Equal(new Hook("PreStart", 2, null), await probe.ExpectMsgAsync<Hook>());
        Assert.Equal(new Count(0, 2), await probe.ExpectMsgAsync<Count>());
    }

    [Fact]
    public async Task Failure_ResumeDirective_KeepsTheInstanceAndItsState()
    {
        var probe = CreateTestProbe();
        var child = await StartChildAsync(probe, new SupervisorStrategy(decider: _ => Directive.Resume));
        child.Tell(new Increment());

        child.Tell(new Fail("ignored"));
        child.Tell(new GetCount(), probe.Ref);

        Assert.Equal(new Count(1, 1), await probe.ExpectMsgAsync<Count>());
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Failure_StopDirective_StopsTheChildAndLaterMessagesAreDeadLetters()
    {
        var probe = CreateTestProbe();
        var child = await StartChildAsync(probe, SupervisorStrategy.Stopping);
        probe.Watch(child);

        child.Tell(new Fail("fatal"));
        Assert.Equal(new Hook("PostStop", 1, null), await probe.ExpectMsgAsync<Hook>());
        await probe.ExpectTerminatedAsync(child);
        child.Tell(new Increment());
        await QuiesceAsync();

        Assert.Equal(1, Sys.DeadLetterCount);
    }

    [Fact]
    public async Task Failure_IsLoggedWithThePathAndTheDecision()
    {
        var probe = CreateTestProbe();
        var child = await StartChildAsync(probe, SupervisorStrategy.Default);

        child.Tell(new Fail("logged"));
        await probe.FishForMessageAsync<Hook>(h => h.Name == "PreStart" && h.Instance == 2);

        var failure = Assert.Single(Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "logged");
        Assert.Contains("keeper://test/user/supervisor/child failed while processing Fail", failure.Message, StringComparison.Ordinal);
        Assert.Contains(Logs.Entries, e => e.Message.Contains("restarts keeper://test/user/supervisor/child (restart 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failure_BeyondTheRetryLimitWithinTheWindow_StopsTheChild()
    {
        var probe = CreateTestProbe();
        var child = await StartChildAsync(probe, new SupervisorStrategy(maxRetries: 2, window: TimeSpan.FromMinutes(1)));
        probe.Watch(child);

        for (var i = 1; i <= 2; i++)
        {
            child.Tell(new Fail($"failure {i}"));
            await probe.FishForMessageAsync<Hook>(h => h.Name == "PreStart" && h.Instance == i + 1);
            await AdvanceAsync(TimeSpan.FromSeconds(10));
        }

        child.Tell(new Fail("failure 3"));

        await probe.FishForMessageAsync<Terminated>(t => ReferenceEquals(t.Actor, child));
        Assert.Contains(Logs.Entries, e => e.Message.Contains("failed again after 2 restarts, the limit is 2 within 00:01:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failure_AfterTheWindowHasPassed_StartsANewWindowAndRestarts()
    {
        var probe = CreateTestProbe();
        var child = await StartChildAsync(probe, new SupervisorStrategy(maxRetries: 1, window: TimeSpan.FromMinutes(1)));

        child.Tell(new Fail("first"));
        await probe.FishForMessageAsync<Hook>(h => h.Name == "PreStart" && h.Instance == 2);
        await AdvanceAsync(TimeSpan.FromMinutes(1) + TimeSpan.FromTicks(1));
        child.Tell(new Fail("second, in a new window"));

        await probe.FishForMessageAsync<Hook>(h => h.Name == "PreStart" && h.Instance == 3);
    }

    [Fact]
    public async Task Failure_WithBackoff_RestartsAfterExponentiallyGrowingDelaysCappedAtTheMaximum()
    {
        var probe = CreateTestProbe();
        var strategy = new SupervisorStrategy(minBackoff: TimeSpan.FromSeconds(1), maxBackoff: TimeSpan.FromSeconds(3));
        var child = await StartChildAsync(probe, strategy);
        TimeSpan[] expected = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)];

        for (var i = 0; i < expected.Length; i++)
        {
            child.Tell(new Fail($"failure {i + 1}"));
            child.Tell(new GetCount(), probe.Ref);

            await AdvanceAsync(expected[i] - TimeSpan.FromTicks(1));
            await probe.ExpectNoMsgAsync();
            await AdvanceAsync(TimeSpan.FromTicks(1));
            Assert.Equal(new Hook("PreRestart", i + 1, $"failure {i + 1}"), await probe.ExpectMsgAsync<Hook>());
            Assert.Equal(new Hook("PostStop", i + 1, null), await probe.ExpectMsgAsync<Hook>());
            Assert.Equal(new Hook("PostRestart", i + 2, $"failure {i + 1}"), await probe.ExpectMsgAsync<Hook>());
            Assert.Equal(new Hook("PreStart", i + 2, null), await probe.ExpectMsgAsync<Hook>());
            Assert.Equal(new Count(0, i + 2), await probe.ExpectMsgAsync<Count>());
        }
    }

    [Fact]
    public async Task Failure_InConstructor_StopsTheActorUnderTheDefaultStrategy()
    {
        var probe = CreateTestProbe();
        var broken = Sys.ActorOf(Props.Create<BrokenActor>(() => new BrokenActor()), "broken");
        probe.Watch(broken);

        await probe.ExpectTerminatedAsync(broken);

        Assert.Contains(Logs.Entries, e => e.Exception is ActorInitializationException);
    }

    [Fact]
    public async Task Failure_EscalateDirective_FailsTheSupervisorSoItsParentRestartsIt()
    {
        var probe = CreateTestProbe();
        var supervisor = Sys.ActorOf(
            Props.Create(() => new Supervisor(probe.Ref, new SupervisorStrategy(decider: _ => Directive.Escalate))), "supervisor");
        supervisor.Tell(new GetChild(), probe.Ref);
        var child = await probe.ExpectMsgAsync<IActorRef>();
        await probe.ExpectMsgAsync<Hook>(h => h.Name == "PreStart");

        child.Tell(new Fail("escalated"));

        // The supervisor restarts; its default PreRestart stops the child, and its constructor starts a new one.
        await probe.FishForMessageAsync<Hook>(h => h.Name == "PostStop" && h.Instance == 1);
        await probe.FishForMessageAsync<Hook>(h => h.Name == "PreStart" && h.Instance == 1);
        supervisor.Tell(new GetChild(), probe.Ref);
        var replacement = await probe.FishForMessageAsync<IActorRef>(_ => true);
        Assert.NotSame(child, replacement);
        Assert.Equal(child.Path, replacement.Path);
    }

    private async Task<IActorRef> StartChildAsync(TestProbe probe, SupervisorStrategy strategy)
    {
        var supervisor = Sys.ActorOf(Props.Create(() => new Supervisor(probe.Ref, strategy)), "supervisor");
        supervisor.Tell(new GetChild(), probe.Ref);
        var first = await probe.ReceiveNAsync(2);
        Assert.Contains(new Hook("PreStart", 1, null), first);
        return first.OfType<IActorRef>().Single();
    }

    private sealed record Increment;

    private sealed record GetCount;

    private sealed record Count(int Value, int Instance);

    private sealed record Fail(string Reason);

    private sealed record GetChild;

    private sealed record Hook(string Name, int Instance, string? Reason);

    private sealed class Supervisor : ReceiveActor
    {
        private readonly SupervisorStrategy _strategy;

        public Supervisor(IActorRef probe, SupervisorStrategy strategy)
        {
            _strategy = strategy;
            var instances = 0;
            var child = Context.ActorOf(Props.Create(() => new Counter(probe, ++instances)), "child");
            Receive<GetChild>(_ => Sender.Tell(child, Self));
        }

        protected override SupervisorStrategy SupervisorStrategy => _strategy;
    }

    private sealed class Counter : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly int _instance;
        private int _count;

        public Counter(IActorRef probe, int instance)
        {
            _probe = probe;
            _instance = instance;
            Receive<Increment>(_ => _count++);
            Receive<GetCount>(_ => Sender.Tell(new Count(_count, _instance), Self));
            Receive<Fail>(f => throw new InvalidOperationException(f.Reason));
        }

        protected override void PreStart() => _probe.Tell(new Hook("PreStart", _instance, null));

        protected override void PostStop() => _probe.Tell(new Hook("PostStop", _instance, null));

        protected override void PreRestart(Exception reason, object? message)
        {
            _probe.Tell(new Hook("PreRestart", _instance, reason.Message));
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            _probe.Tell(new Hook("PostRestart", _instance, reason.Message));
            base.PostRestart(reason);
        }
    }

    private sealed class BrokenActor : ReceiveActor
    {
        public BrokenActor() => throw new InvalidOperationException("cannot construct");
    }
}
