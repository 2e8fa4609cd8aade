using Keeper.Actors.Runtime;
using Keeper.Actors.TestKit;
using Xunit;

namespace Keeper.Actors.Tests.Runtime;

public sealed class BecomeAndStashTests : ActorTestKit
{
    [Fact]
    public async Task Become_SwitchesTheHandlersForTheNextMessage()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Phases()), "phases");

        probe.Send(actor, new Query());
        probe.Send(actor, new Open());
        probe.Send(actor, new Query());
        probe.Send(actor, new Close());
        probe.Send(actor, new Query());

        Assert.Equal(["closed", "open", "closed"], await probe.ReceiveNAsync(3));
    }

    [Fact]
    public async Task BecomeStacked_ThenUnbecome_ReturnsToThePreviousBehaviour()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Phases()), "phases");

        probe.Send(actor, new Open());
        probe.Send(actor, new Peek());
        probe.Send(actor, new Query());
        probe.Send(actor, new Unpeek());
        probe.Send(actor, new Query());
        probe.Send(actor, new Unpeek());
        probe.Send(actor, new Query());

        Assert.Equal(["peeking", "open", "open"], await probe.ReceiveNAsync(3));
    }

    [Fact]
    public async Task Unhandled_MessageNoHandlerTakes_IsLoggedAndTheActorCarriesOn()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Phases()), "phases");

        probe.Send(actor, new Close());
        probe.Send(actor, new Query());

        Assert.Equal("closed", await probe.ExpectMsgAsync<string>());
        Assert.Contains(Logs.Entries, e => e.Message.Contains("did not handle Close", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnstashAll_AfterStashing_ReplaysStashedMessagesInOrderAheadOfNewerOnes()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Loader(probe.Ref)), "loader");

        actor.Tell(new Work(1));
        actor.Tell(new Work(2));
        await QuiesceAsync();
        await probe.ExpectNoMsgAsync();
        actor.Tell(new Loaded());
        actor.Tell(new Work(3));

        Assert.Equal([new Work(1), new Work(2), new Work(3)], await probe.ReceiveNAsync(3));
    }

    [Fact]
    public async Task Stash_ThenRestart_StashedMessagesAreKeptForTheNewInstance()
    {
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Loader(probe.Ref)), "loader");

        actor.Tell(new Work(1));
        actor.Tell(new Crash());
        actor.Tell(new Loaded());

        Assert.Equal(new Work(1), await probe.ExpectMsgAsync<Work>());
    }

    private sealed record Query;

    private sealed record Open;

    private sealed record Close;

    private sealed record Peek;

    private sealed record Unpeek;

    private sealed record Work(int Id);

    private sealed record Loaded;

    private sealed record Crash;

    private sealed class Phases : ReceiveActor
    {
        public Phases() => Closed();

        private void Closed()
        {
            Receive<Query>(_ => Sender.Tell("closed", Self));
            Receive<Open>(_ => Become(Opened));
        }

        private void Opened()
        {
            Receive<Query>(_ => Sender.Tell("open", Self));
            Receive<Close>(_ => Become(Closed));
            Receive<Peek>(_ => BecomeStacked(Peeking));
        }

        private void Peeking()
        {
            Receive<Query>(_ => Sender.Tell("peeking", Self));
            Receive<Unpeek>(_ => Unbecome());
        }
    }

    private sealed class Loader : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Loader(IActorRef probe)
        {
            _probe = probe;
            Receive<Work>(_ => Stash());
            Receive<Crash>(_ => throw new InvalidOperationException("crash while loading"));
            Receive<Loaded>(_ =>
            {
                Become(Ready);
                UnstashAll();
            });
        }

        private void Ready() => Receive<Work>(w => _probe.Tell(w, Self));
    }
}
