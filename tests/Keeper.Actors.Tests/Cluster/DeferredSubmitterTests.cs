using Akka.Actor;
using Akka.TestKit;
using Keeper.Actors.Cluster;
using Keeper.Actors.Submission;
using Xunit;
using static Keeper.Actors.Tests.Cluster.TestMembers;

namespace Keeper.Actors.Tests.Cluster;

/// <summary>The submitter's place before and after <see cref="StartSubmitter"/>; the submitter is a probe behind a relay.</summary>
public sealed class DeferredSubmitterTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly TestProbe _inner;
    private int _created;

    public DeferredSubmitterTests()
        : base("akka.test.single-expect-default = 20s")
    {
        _inner = CreateTestProbe("inner");
    }

    [Fact]
    public void BeforeStart_NothingCreated_StatusEmpty_AfterStart_HeldMessagesAndLatestHeadReachTheSubmitter()
    {
        Action created = () => _created++;
        var slot = Sys.ActorOf(DeferredSubmitter.Props(Akka.Actor.Props.Create(() => new Relay(_inner.Ref, created)), Signer(1)));
        var gate = CreateTestProbe("gate");

        slot.Tell(new SubscribeOutcomes(gate.Ref), gate.Ref);
        slot.Tell(new SubmitterHead(10, 100), gate.Ref);
        slot.Tell(new SubmitterHead(11, 102), gate.Ref);
        slot.Tell(GetSubmitterStatus.Instance, TestActor);

        var status = ExpectMsg<SubmitterStatus>();
        Assert.Equal(Signer(1), status.Account);
        Assert.Empty(status.Transactions);
        Assert.Equal(0, _created);
        Assert.False(_inner.HasMessages);

        slot.Tell(StartSubmitter.Instance);
        slot.Tell(StartSubmitter.Instance);

        Assert.Equal(gate.Ref, _inner.ExpectMsg<SubscribeOutcomes>().Subscriber);
        Assert.Equal(gate.Ref, _inner.LastSender);
        Assert.Equal(11UL, _inner.ExpectMsg<SubmitterHead>().Number);
        slot.Tell(GetSubmitterStatus.Instance, TestActor);
        _inner.ExpectMsg<GetSubmitterStatus>();
        Assert.Equal(TestActor, _inner.LastSender);
        _inner.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(1, _created);
    }

    // Stands for the submitter: counts its creations and hands every message to the probe, the sender kept.
    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef probe, Action created)
        {
            created();
            ReceiveAny(message => probe.Forward(message));
        }
    }
}
