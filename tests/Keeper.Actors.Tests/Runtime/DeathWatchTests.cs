using Keeper.Actors.Runtime;
using Keeper.Actors.TestKit;
using Xunit;

namespace Keeper.Actors.Tests.Runtime;

public sealed class DeathWatchTests : ActorTestKit
{
    [Fact]
    public async Task Watch_SubjectStops_WatcherReceivesTerminated()
    {
        var watcher = CreateTestProbe();
        var subject = Sys.ActorOf(Props.Create(() => new Sink()), "subject");
        watcher.Watch(subject);
        await QuiesceAsync();

        Sys.Stop(subject);

        var terminated = await watcher.ExpectTerminatedAsync(subject);
        Assert.Same(subject, terminated.Actor);
    }

    [Fact]
    public async Task Watch_SubjectAlreadyStopped_TerminatedArrivesAtOnce()
    {
        var watcher = CreateTestProbe();
        var subject = Sys.ActorOf(Props.Create(() => new Sink()), "subject");
        Assert.True(await subject.GracefulStop(TimeSpan.FromSeconds(5)));

        watcher.Watch(subject);

        await watcher.ExpectTerminatedAsync(subject);
    }

    [Fact]
    public async Task Unwatch_BeforeTheSubjectStops_NoTerminatedIsDelivered()
    {
        var probe = CreateTestProbe();
        var subject = Sys.ActorOf(Props.Create(() => new Sink()), "subject");
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(subject, probe.Ref)), "watcher");
        await QuiesceAsync();

        // The watcher stops its subject and unwatches within one message: the Terminated that may already be on its
        // way must not be delivered.
        watcher.Tell(new StopAndUnwatch());
        watcher.Tell(new Ping(), probe.Ref);

        await probe.ExpectMsgAsync<Ping>();
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task PoisonPill_WithMessagesQueuedBeforeIt_ProcessesThemThenStopsAndDeadLettersTheRest()
    {
        var probe = CreateTestProbe();
        var subject = Sys.ActorOf(Props.Create(() => new Forwarder(probe.Ref)), "subject");
        probe.Watch(subject);
        await QuiesceAsync();

        subject.Tell(1);
        subject.Tell(2);
        subject.Tell(PoisonPill.Instance);
        subject.Tell(3);

        Assert.Equal([1, 2], await probe.ReceiveNAsync(2));
        await probe.ExpectTerminatedAsync(subject);
        await QuiesceAsync();
        Assert.Equal(1, Sys.DeadLetterCount);
        Assert.Contains(Logs.Entries, e => e.Message.Contains("Dead letter 1: Int32 from keeper://test/deadLetters to keeper://test/user/subject", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GracefulStop_WithQueuedWork_DrainsTheMailboxAndReturnsTrue()
    {
        var probe = CreateTestProbe();
        var subject = Sys.ActorOf(Props.Create(() => new Forwarder(probe.Ref)), "subject");
        for (var i = 0; i < 100; i++)
        {
            subject.Tell(i);
        }

        Assert.True(await subject.GracefulStop(TimeSpan.FromSeconds(5)));

        Assert.Equal(Enumerable.Range(0, 100).Cast<object>(), await probe.ReceiveNAsync(100));
        Assert.Equal(0, Sys.DeadLetterCount);
    }

    [Fact]
    public async Task GracefulStop_ActorStuckInAsyncHandler_ReturnsFalseWhenTheClockPassesTheTimeout()
    {
        var gate = new TaskCompletionSource();
        var subject = Sys.ActorOf(Props.Create(() => new Stuck(gate.Task)), "subject");
        subject.Tell(new Ping());

        // The actor is busy (that is the point), so the clock is moved directly rather than with AdvanceAsync,
        // which would wait for the system to become idle.
        var stopping = subject.GracefulStop(TimeSpan.FromSeconds(30));
        Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(stopping.IsCompleted);
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(await stopping);
        gate.SetResult();
    }

    [Fact]
    public async Task Stop_Child_ParentNoLongerListsItAndTheNameIsFreeAgain()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new Parent()), "parent");
        parent.Tell(new StartChild("worker"), probe.Ref);
        var first = await probe.ExpectMsgAsync<IActorRef>();
        probe.Watch(first);

        parent.Tell(new StopChild("worker"));
        await probe.ExpectTerminatedAsync(first);
        await QuiesceAsync();
        parent.Tell(new StartChild("worker"), probe.Ref);

        var second = await probe.ExpectMsgAsync<IActorRef>();
        Assert.NotSame(first, second);
        Assert.Equal(first.Path, second.Path);
    }

    private sealed record Ping;

    private sealed record StopAndUnwatch;

    private sealed record StartChild(string Name);

    private sealed record StopChild(string Name);

    private sealed class Sink : ReceiveActor
    {
        public Sink() => ReceiveAny(_ => { });
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Tell(m, Self));
    }

    private sealed class Stuck : ReceiveActor
    {
        public Stuck(Task gate) => ReceiveAsync<Ping>(_ => gate);
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef subject, IActorRef probe)
        {
            Context.Watch(subject);
            Receive<StopAndUnwatch>(_ =>
            {
                Context.Stop(subject);
                Context.Unwatch(subject);
            });
            Receive<Ping>(p => Sender.Tell(p, Self));
            Receive<Terminated>(t => probe.Tell(t, Self));
        }
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            Receive<StartChild>(m => Sender.Tell(Context.ActorOf(Props.Create(() => new Sink()), m.Name), Self));
            Receive<StopChild>(m => Context.Stop(Context.Child(m.Name)!));
        }
    }
}
