using Akka.Actor;
using Akka.Cluster;
using Akka.TestKit;
using Keeper.Actors.Cluster;
using Keeper.Actors.Gate;
using Xunit;
using static Keeper.Actors.Tests.Cluster.TestMembers;

namespace Keeper.Actors.Tests.Cluster;

/// <summary>
/// The membership actor fed Akka.Cluster's events by hand (it does not subscribe) on Akka's TestScheduler, so store probes
/// run only when a test advances time; the gate is a probe.
/// </summary>
public sealed class ClusterMembershipTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly FakeStoreProbe _store = new();
    private readonly TestProbe _gate;
    private readonly TestProbe _submitter;

    public ClusterMembershipTests()
        : base("""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
            akka.test.single-expect-default = 20s
            """)
    {
        _gate = CreateTestProbe("gate");
        _submitter = CreateTestProbe("submitter");
    }

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private IActorRef Start() => Sys.ActorOf(ClusterMembership.Props(
        new ClusterMembershipOptions(_gate.Ref, _submitter.Ref, _store, Interval, TimeSpan.FromSeconds(1)) { Self = Node(4001), Subscribe = false }));

    [Fact]
    public void ClusterState_StoreAnswers_GateGetsTheReachableUpKeepersAndLiveIds()
    {
        var membership = Start();

        membership.Tell(State([Member(2, MemberStatus.Up), Member(1, MemberStatus.Up), Member(3, MemberStatus.Joining), Other(5000, MemberStatus.Up)]));

        var changed = LastChange(m => m.Members.Count == 2);
        Assert.Equal([Signer(1), Signer(2)], changed.Members);
        Assert.True(changed.StoreReachable);
        Assert.True(changed.SelfUp);
        Assert.Equal(["node-1", "node-2", "node-3"], changed.LiveMemberIds!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MemberUnreachable_LeavesTheGateAtOnce_ItsClaimsStayItsUntilDowned()
    {
        var membership = Start();
        membership.Tell(State([Member(1, MemberStatus.Up), Member(2, MemberStatus.Up), Member(3, MemberStatus.Up)]));
        LastChange(m => m.Members.Count == 3);

        membership.Tell(new ClusterEvent.UnreachableMember(Member(3, MemberStatus.Up)));
        var unreachable = _gate.ExpectMsg<MembershipChanged>();
        Assert.Equal([Signer(1), Signer(2)], unreachable.Members);
        Assert.Contains("node-3", unreachable.LiveMemberIds!);

        membership.Tell(new ClusterEvent.MemberDowned(Member(3, MemberStatus.Down)));
        var downed = _gate.ExpectMsg<MembershipChanged>();
        Assert.Equal([Signer(1), Signer(2)], downed.Members);
        Assert.DoesNotContain("node-3", downed.LiveMemberIds!);
    }

    [Fact]
    public void MemberLeaves_TurnsPassAtOnce_SelfLeaving_SelfNotUp()
    {
        var membership = Start();
        membership.Tell(State([Member(1, MemberStatus.Up), Member(2, MemberStatus.Up)]));
        LastChange(m => m.Members.Count == 2);

        membership.Tell(new ClusterEvent.MemberLeft(Member(2, MemberStatus.Leaving)));
        Assert.Equal([Signer(1)], _gate.ExpectMsg<MembershipChanged>().Members);

        membership.Tell(new ClusterEvent.MemberLeft(Member(1, MemberStatus.Leaving)));
        var self = _gate.ExpectMsg<MembershipChanged>();
        Assert.False(self.SelfUp);
        Assert.Empty(self.Members);
    }

    [Fact]
    public void StoreCutOff_GateToldUnreachableWithTheSameMembers_BackAtTheFirstAnswer()
    {
        var membership = Start();
        membership.Tell(State([Member(1, MemberStatus.Up), Member(2, MemberStatus.Up)]));
        LastChange(m => m.Members.Count == 2 && m.StoreReachable);

        _store.Reachable = false;
        Scheduler.Advance(Interval);
        var cut = _gate.ExpectMsg<MembershipChanged>();
        Assert.False(cut.StoreReachable);
        Assert.Equal([Signer(1), Signer(2)], cut.Members);

        _store.Reachable = true;
        Scheduler.Advance(Interval);
        Assert.True(_gate.ExpectMsg<MembershipChanged>().StoreReachable);
    }

    [Fact]
    public void StoreNeverAnswered_NothingPublished_GetClusterMembersShowsTheView()
    {
        _store.Reachable = false;
        var membership = Start();
        membership.Tell(State([Member(1, MemberStatus.Up), Member(2, MemberStatus.Up)], unreachable: [Member(2, MemberStatus.Up)]));

        // The first probe failed: the gate learns the store is unreachable, with the members as they are.
        var first = LastChange(m => m.Members.Count == 1);
        Assert.False(first.StoreReachable);

        membership.Tell(GetClusterMembers.Instance, TestActor);
        var members = ExpectMsg<ClusterMembers>();
        Assert.Equal("akka.tcp://keeper@127.0.0.1:4001", members.Self);
        Assert.False(members.StoreReachable);
        Assert.Equal([("node-1", "Up"), ("node-2", "Unreachable (Up)")], members.Members.Select(m => (m.NodeId, m.Display)));
    }

    [Fact]
    public void Heartbeats_EachMembersLastOnTheNodesClock_ForgottenWhenItLeaves()
    {
        var membership = Start();
        membership.Tell(State([Member(1, MemberStatus.Up), Member(2, MemberStatus.Up), Member(3, MemberStatus.Up)]));
        var start = Scheduler.Now;

        membership.Tell(new MemberHeartbeat("akka.tcp://keeper@127.0.0.1:4002"));
        membership.Tell(GetClusterMembers.Instance, TestActor);
        ExpectMsg<ClusterMembers>();
        Scheduler.Advance(TimeSpan.FromSeconds(5));
        membership.Tell(GetClusterMembers.Instance, TestActor);
        var members = ExpectMsg<ClusterMembers>();

        // Member 3 was never heard from, and the node never hears itself.
        Assert.Equal([("akka.tcp://keeper@127.0.0.1:4002", start)], members.LastHeard.Select(h => (h.Key, h.Value)));
        Assert.Equal(TimeSpan.FromSeconds(5), members.At - members.LastHeard["akka.tcp://keeper@127.0.0.1:4002"]);

        membership.Tell(new ClusterEvent.MemberRemoved(Member(2, MemberStatus.Removed), MemberStatus.Up));
        membership.Tell(GetClusterMembers.Instance, TestActor);
        Assert.Empty(ExpectMsg<ClusterMembers>().LastHeard);
    }

    [Fact]
    public void ClusterState_SelfUpAndSoleSigner_SubmitterStartsOnce_GateCountsSelf()
    {
        var membership = Start();

        membership.Tell(State([Aged(1, MemberStatus.Up, 1), Aged(2, MemberStatus.Up, 2)]));

        _submitter.ExpectMsg<StartSubmitter>();
        Assert.True(LastChange(m => m.Members.Count == 2).SelfUp);
        membership.Tell(new ClusterEvent.MemberUp(Twin(1, 4100, MemberStatus.Up, 3)));
        membership.Tell(State([Aged(1, MemberStatus.Up, 1), Aged(2, MemberStatus.Up, 2), Twin(1, 4100, MemberStatus.Up, 3)]));
        // A newer member with this node's key stops itself; this node is left alone.
        membership.Tell(GetClusterMembers.Instance, TestActor);
        Assert.Equal(3, ExpectMsg<ClusterMembers>().Members.Count);
        _submitter.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.False(Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public void SelfUpEvent_WaitsForTheWholeClusterState_ThenStarts()
    {
        var membership = Start();
        membership.Tell(State([Aged(1, MemberStatus.Joining, int.MaxValue)]));
        Assert.False(LastChange(_ => true).SelfUp);

        // One gossip may move an older member with the same key Up too, its event still to come: no start on an event.
        membership.Tell(new ClusterEvent.MemberUp(Aged(1, MemberStatus.Up, 1)));
        membership.Tell(GetClusterMembers.Instance, TestActor);
        ExpectMsg<ClusterMembers>();
        Assert.False(_submitter.HasMessages);

        membership.Tell(State([Aged(1, MemberStatus.Up, 1)]));
        _submitter.ExpectMsg<StartSubmitter>();
        Assert.True(LastChange(m => m.SelfUp).SelfUp);
    }

    [Fact]
    public void NeverUp_SubmitterNeverStarts_GateNeverCountsSelf()
    {
        var membership = Start();
        membership.Tell(State([Aged(1, MemberStatus.Joining, int.MaxValue), Aged(2, MemberStatus.Up, 1)]));
        Assert.False(LastChange(m => m.Members.Count == 1).SelfUp);

        Scheduler.Advance(TimeSpan.FromSeconds(60));
        membership.Tell(GetClusterMembers.Instance, TestActor);
        ExpectMsg<ClusterMembers>();

        Assert.False(_submitter.HasMessages);
    }

    [Fact]
    public async Task OlderMemberSignsWithTheSameKey_SubmitterNeverStarts_NodeShutsDownWithItsReason()
    {
        var membership = Start();

        membership.Tell(State([Aged(1, MemberStatus.Up, 2), Twin(1, 4100, MemberStatus.Up, 1)]));

        var terminated = await Task.WhenAny(Sys.WhenTerminated, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(terminated == Sys.WhenTerminated, "the actor system should have shut down within 60 s: an older member signs with this node's key");
        Assert.IsType<SignerTakenReason>(CoordinatedShutdown.Get(Sys).ShutdownReason);
        Assert.Equal(3, CoordinatedShutdown.Get(Sys).ShutdownReason!.ExitCode);
        Assert.False(_submitter.HasMessages);
    }

    [Fact]
    public void OlderTwinUnreachable_Waits_DownedThenStarts()
    {
        var membership = Start();
        membership.Tell(State([Aged(1, MemberStatus.Up, 2), Twin(1, 4100, MemberStatus.Up, 1)], unreachable: [Twin(1, 4100, MemberStatus.Up, 1)]));
        Assert.False(LastChange(_ => true).SelfUp);

        membership.Tell(new ClusterEvent.MemberDowned(Twin(1, 4100, MemberStatus.Down, 1)));
        membership.Tell(State([Aged(1, MemberStatus.Up, 2), Twin(1, 4100, MemberStatus.Down, 1)]));

        _submitter.ExpectMsg<StartSubmitter>();
        Assert.False(Sys.WhenTerminated.IsCompleted);
    }

    // The actor publishes on every change; the cluster state and the first probe's answer may arrive in either order.
    private MembershipChanged LastChange(Func<MembershipChanged, bool> until)
    {
        while (true)
        {
            var changed = _gate.ExpectMsg<MembershipChanged>();
            if (until(changed))
            {
                return changed;
            }
        }
    }
}
