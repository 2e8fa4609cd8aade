using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Keeper.Actors.Gate;
using Keeper.Actors.Tracking;
using Keeper.Host.Node;
using Keeper.Testing.Time;
using Xunit;

namespace Keeper.Host.Tests.Node;

/// <summary>
/// The publisher asks every part each period without waiting: a part that answers is asked again, a busy one keeps its
/// single question until it answers (or the question is old enough to have been lost), and the board knows since when.
/// Akka's scheduler and the board's clock are both virtual.
/// </summary>
public sealed class NodeStatePublisherTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Start);

    public NodeStatePublisherTests()
        : base(ConfigurationFactory.ParseString("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\""))
    {
    }

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    [Fact]
    public void Publisher_OnePartAnswersOneIsBusy_AnswerOnTheBoard_BusyPartAskedOnceAndWaitingSinceTheQuestion()
    {
        var board = new NodeStateBoard(_time);
        var watcher = CreateTestProbe();
        var gate = CreateTestProbe();
        Sys.ActorOf(NodeStatePublisher.Props(board, new Dictionary<NodePart, IActorRef> { [NodePart.Watcher] = watcher, [NodePart.Gate] = gate }));

        watcher.ExpectMsg<GetWatcherHead>();
        gate.ExpectMsg<GetGateStatus>();
        watcher.Reply(new WatcherHead(null) { ChainTip = 42 });
        AwaitAssert(() => Assert.Equal(42UL, board.Watcher.ChainTip));
        _time.Advance(TimeSpan.FromSeconds(1));
        Clock.Advance(NodeStatePublisher.Period);

        watcher.ExpectMsg<GetWatcherHead>();
        gate.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(new NodePartStatus(NodePart.Gate, null, Start), board.Parts().Single(p => p.Part == NodePart.Gate));
        Assert.Equal(Start, board.Parts().Single(p => p.Part == NodePart.Watcher).AnsweredAt);
    }

    [Fact]
    public void Publisher_QuestionUnansweredPastAskAgainAfter_AskedAgainStillWaitingSinceTheFirst()
    {
        var board = new NodeStateBoard(_time);
        var gate = CreateTestProbe();
        Sys.ActorOf(NodeStatePublisher.Props(board, new Dictionary<NodePart, IActorRef> { [NodePart.Gate] = gate }));
        gate.ExpectMsg<GetGateStatus>();

        _time.Advance(NodeStatePublisher.AskAgainAfter);
        Clock.Advance(NodeStatePublisher.Period);

        gate.ExpectMsg<GetGateStatus>();
        gate.Reply(new GateStatus([], true, [], 0, 0, 0));
        AwaitAssert(() => Assert.True(board.Gate.StoreReachable));
        Assert.Equal(new NodePartStatus(NodePart.Gate, Start + NodeStatePublisher.AskAgainAfter, null), board.Parts().Single(p => p.Part == NodePart.Gate));
    }
}
