using Keeper.Actors.Runtime;
using Keeper.Actors.TestKit;
using Xunit;

namespace Keeper.Actors.Tests.Runtime;

public sealed class TimerTests : ActorTestKit
{
    [Fact]
    public async Task StartSingleTimer_TwentyEightDays_FiresOnceWhenTheClockPassesItAndNotATickBefore()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe.Ref)), "timers");
        actor.Tell(new StartSingle("deadline", TimeSpan.FromDays(28)));

        await AdvanceAsync(TimeSpan.FromDays(28) - TimeSpan.FromTicks(1));
        await probe.ExpectNoMsgAsync();
        await AdvanceAsync(TimeSpan.FromTicks(1));

        var fired = await probe.ExpectMsgAsync<Fired>();
        Assert.Equal(new Fired("deadline", ActorTestKit.DefaultStart + TimeSpan.FromDays(28)), fired);
        await AdvanceAsync(TimeSpan.FromDays(365));
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task StartSingleTimer_SixtyDaysBeyondOneTimersRange_FiresExactlyOnTime()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe.Ref)), "timers");
        actor.Tell(new StartSingle("long", TimeSpan.FromDays(60)));

        await AdvanceAsync(TimeSpan.FromDays(60) - TimeSpan.FromTicks(1));
        await probe.ExpectNoMsgAsync();
        await AdvanceAsync(TimeSpan.FromTicks(1));

        Assert.Equal(ActorTestKit.DefaultStart + TimeSpan.FromDays(60), (await probe.ExpectMsgAsync<Fired>()).At);
    }

    [Fact]
    public async Task StartPeriodicTimer_AdvancedAcrossThreeIntervals_FiresAtEachIntervalWithoutDrift()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe.Ref)), "timers");
        actor.Tell(new StartPeriodic("tick", TimeSpan.FromSeconds(12)));

        await AdvanceAsync(TimeSpan.FromSeconds(36) + TimeSpan.FromSeconds(11));

        var start = ActorTestKit.DefaultStart;
        Assert.Equal(
            [new Fired("tick", start.AddSeconds(12)), new Fired("tick", start.AddSeconds(24)), new Fired("tick", start.AddSeconds(36))],
            await probe.ReceiveNAsync(3));
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task StartSingleTimer_SameKeyAgain_ReplacesTheEarlierTimer()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe.Ref)), "timers");
        actor.Tell(new StartSingle("key", TimeSpan.FromSeconds(10)));
        actor.Tell(new StartSingle("key", TimeSpan.FromSeconds(20)));

        await AdvanceAsync(TimeSpan.FromSeconds(19));
        await probe.ExpectNoMsgAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(ActorTestKit.DefaultStart.AddSeconds(20), (await probe.ExpectMsgAsync<Fired>()).At);
    }

    [Fact]
    public async Task Cancel_AfterTheTimerFiredButBeforeItsMessageWasProcessed_DropsTheMessage()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe.Ref)), "timers");
        actor.Tell(new StartSingle("key", TimeSpan.FromSeconds(1)));
        await QuiesceAsync();

        // Hold the actor in an async handler, let the timer's message queue up behind it, then cancel the timer
        // from that same handler: the queued message is stale and must be dropped.
        actor.Tell(new HoldThenCancel(gate.Task, "key"));
        Clock.Advance(TimeSpan.FromSeconds(1));
        gate.SetResult();
        actor.Tell(new IsActive("key"), probe.Ref);

        Assert.False(await probe.ExpectMsgAsync<bool>());
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Timers_OnRestart_AreCancelled()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe.Ref)), "timers");
        actor.Tell(new StartPeriodic("tick", TimeSpan.FromSeconds(1)));
        actor.Tell(new StartSingle("once", TimeSpan.FromSeconds(5)));

        actor.Tell(new Crash());
        await AdvanceAsync(TimeSpan.FromMinutes(1));

        await probe.ExpectNoMsgAsync();
        Assert.Equal(0, Clock.ArmedTimers);
    }

    [Fact]
    public async Task Timers_OnStop_AreCancelled()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(probe.Ref)), "timers");
        actor.Tell(new StartPeriodic("tick", TimeSpan.FromSeconds(1)));
        await QuiesceAsync();

        Assert.True(await actor.GracefulStop(TimeSpan.FromSeconds(5)));
        await AdvanceAsync(TimeSpan.FromMinutes(1));

        await probe.ExpectNoMsgAsync();
        Assert.Equal(0, Clock.ArmedTimers);
        Assert.Equal(0, Sys.DeadLetterCount);
    }

    private sealed record StartSingle(string Key, TimeSpan Delay);

    private sealed record StartPeriodic(string Key, TimeSpan Interval);

    private sealed record CancelTimer(string Key);

    private sealed record IsActive(string Key);

    private sealed record HoldThenCancel(Task Gate, string Key);

    private sealed record Crash;

    private sealed record Tick(string Key);

    private sealed record Fired(string Key, DateTimeOffset At);

    private sealed class TimerActor : ReceiveActor
    {
        public TimerActor(IActorRef probe)
        {
            Receive<StartSingle>(m => Timers.StartSingleTimer(m.Key, new Tick(m.Key), m.Delay));
            Receive<StartPeriodic>(m => Timers.StartPeriodicTimer(m.Key, new Tick(m.Key), m.Interval));
            Receive<CancelTimer>(m => Timers.Cancel(m.Key));
            Receive<IsActive>(m => Sender.Tell(Timers.IsTimerActive(m.Key), Self));
            ReceiveAsync<HoldThenCancel>(async m =>
            {
                await m.Gate;
                Timers.Cancel(m.Key);
            });
            Receive<Crash>(_ => throw new InvalidOperationException("crash"));
            Receive<Tick>(t => probe.Tell(new Fired(t.Key, Context.System.TimeProvider.GetUtcNow()), Self));
        }
    }
}
