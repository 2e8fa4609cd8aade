using Akka.Cluster;
using Keeper.Actors.Cluster;
using Xunit;
using static Keeper.Actors.Tests.Cluster.TestMembers;

namespace Keeper.Actors.Tests.Cluster;

public sealed class ClusterViewTests
{
    private static readonly ClusterView Empty = ClusterView.Empty(Node(4001));

    [Fact]
    public void With_State_TurnHoldersAreReachableUpKeepersBySigner_OthersLeftOut()
    {
        var view = Empty.With(State(
            [Member(3, MemberStatus.Up), Member(1, MemberStatus.Up), Member(2, MemberStatus.Up), Member(4, MemberStatus.Joining), Other(5000, MemberStatus.Up)],
            unreachable: [Member(2, MemberStatus.Up)]));

        Assert.Equal([Signer(1), Signer(3)], view.TurnHolders);
        Assert.Equal(["node-1", "node-2", "node-3", "node-4"], view.LiveMemberIds.Order(StringComparer.Ordinal));
        Assert.True(view.SelfUp);
        Assert.Equal(4, view.Members.Count);
        Assert.Equal("Unreachable (Up)", view.Members[Node(4002)].Display);
    }

    [Fact]
    public void Apply_UnreachableThenDownedThenRemoved_LosesTurnAtOnce_StaysLiveUntilDowned()
    {
        var view = Empty.With(State([Member(1, MemberStatus.Up), Member(2, MemberStatus.Up), Member(3, MemberStatus.Up)]));

        view = view.Apply(new ClusterEvent.UnreachableMember(Member(2, MemberStatus.Up)));
        Assert.Equal([Signer(1), Signer(3)], view.TurnHolders);
        Assert.Contains("node-2", view.LiveMemberIds);

        view = view.Apply(new ClusterEvent.MemberDowned(Member(2, MemberStatus.Down)));
        Assert.Equal([Signer(1), Signer(3)], view.TurnHolders);
        Assert.DoesNotContain("node-2", view.LiveMemberIds);
        Assert.False(view.Members[Node(4002)].Reachable);

        view = view.Apply(new ClusterEvent.MemberRemoved(Member(2, MemberStatus.Removed), MemberStatus.Down));
        Assert.Equal(["node-1", "node-3"], view.LiveMemberIds.Order(StringComparer.Ordinal));
        Assert.False(view.Members.ContainsKey(Node(4002)));
    }

    [Fact]
    public void Apply_ReachableAgain_TakesTurnsAgain()
    {
        var view = Empty.With(State([Member(1, MemberStatus.Up), Member(2, MemberStatus.Up)], unreachable: [Member(2, MemberStatus.Up)]));

        view = view.Apply(new ClusterEvent.ReachableMember(Member(2, MemberStatus.Up)));

        Assert.Equal([Signer(1), Signer(2)], view.TurnHolders);
    }

    [Fact]
    public void Apply_JoinedThenUpThenLeft_TakesTurnsOnlyWhileUp()
    {
        var view = Empty.With(State([Member(1, MemberStatus.Up)]));

        view = view.Apply(new ClusterEvent.MemberJoined(Member(2, MemberStatus.Joining)));
        Assert.Equal([Signer(1)], view.TurnHolders);
        view = view.Apply(new ClusterEvent.MemberUp(Member(2, MemberStatus.Up)));
        Assert.Equal([Signer(1), Signer(2)], view.TurnHolders);
        view = view.Apply(new ClusterEvent.MemberLeft(Member(2, MemberStatus.Leaving)));
        Assert.Equal([Signer(1)], view.TurnHolders);
        Assert.Contains("node-2", view.LiveMemberIds);
    }

    [Fact]
    public void Apply_SelfLeaving_SelfNotUp()
    {
        var view = Empty.With(State([Member(1, MemberStatus.Up), Member(2, MemberStatus.Up)]));

        view = view.Apply(new ClusterEvent.MemberLeft(Member(1, MemberStatus.Leaving)));

        Assert.False(view.SelfUp);
        Assert.Equal([Signer(2)], view.TurnHolders);
    }

    [Fact]
    public void Apply_RestartedNodeUpWhileItsOldIncarnationIsUnreachable_OneTurnForTheSigner()
    {
        var view = Empty.With(State([Member(1, MemberStatus.Up), Member(2, MemberStatus.Up)], unreachable: [Member(2, MemberStatus.Up)]));

        view = view.Apply(new ClusterEvent.MemberUp(Member(2, MemberStatus.Up, uid: 2)));

        Assert.Equal([Signer(1), Signer(2)], view.TurnHolders);
        Assert.Equal(3, view.Members.Count);
    }

    [Fact]
    public void KeeperRoles_RoundTrip_AndIncompleteRolesAreNotKeepers()
    {
        Assert.True(KeeperRoles.TryRead(KeeperRoles.For(Signer(7), "node-7"), out var signer, out var id));
        Assert.Equal((Signer(7), "node-7"), (signer, id));
        Assert.False(KeeperRoles.TryRead(["keeper", "keeper-node:node-7"], out _, out _));
        Assert.False(KeeperRoles.TryRead([KeeperRoles.SignerPrefix + Signer(7).ToLowerHex(), "keeper-node:node-7"], out _, out _));
        Assert.False(KeeperRoles.TryRead(["keeper", "keeper-signer:0x12", "keeper-node:node-7"], out _, out _));
    }

    [Fact]
    public void CheckSigner_SelfNotUp_NotUp_EvenWithAnOlderTwin()
    {
        var view = Empty.With(State([Aged(1, MemberStatus.Joining, int.MaxValue), Twin(1, 4100, MemberStatus.Up, 1)]));

        Assert.Equal((SignerCheck.NotUp, null), view.CheckSigner());
    }

    [Fact]
    public void CheckSigner_UpAndNoOtherMemberWithItsKey_Sole()
    {
        var view = Empty.With(State([Aged(1, MemberStatus.Up, 2), Aged(2, MemberStatus.Up, 1), Other(5000, MemberStatus.Up)]));

        Assert.Equal((SignerCheck.Sole, null), view.CheckSigner());
    }

    [Fact]
    public void CheckSigner_OlderReachableTwin_TakenByIt()
    {
        var view = Empty.With(State([Aged(1, MemberStatus.Up, 3), Twin(1, 4100, MemberStatus.Up, 2), Aged(2, MemberStatus.Up, 1)]));

        var (check, older) = view.CheckSigner();

        Assert.Equal(SignerCheck.TakenByOlder, check);
        Assert.Equal(Node(4100), older!.Node);
    }

    [Fact]
    public void CheckSigner_TwoOlderTwins_NamesTheOldest()
    {
        var view = Empty.With(State([Aged(1, MemberStatus.Up, 3), Twin(1, 4100, MemberStatus.Up, 2), Twin(1, 4200, MemberStatus.Up, 1)]));

        Assert.Equal(Node(4200), view.CheckSigner().Older!.Node);
    }

    [Fact]
    public void CheckSigner_EqualUpNumbers_TheLowerAddressIsOlder()
    {
        // Akka's tie-break: both moved Up by the same leader action, the lower address counts as older.
        var lower = Empty.With(State([Aged(1, MemberStatus.Up, 1), Twin(1, 4100, MemberStatus.Up, 1)]));
        var higher = ClusterView.Empty(Node(4100)).With(State([Aged(1, MemberStatus.Up, 1), Twin(1, 4100, MemberStatus.Up, 1)]));

        Assert.Equal(SignerCheck.Sole, lower.CheckSigner().Check);
        Assert.Equal(SignerCheck.TakenByOlder, higher.CheckSigner().Check);
    }

    [Fact]
    public void CheckSigner_NewerTwin_Sole_TheOlderIsLeftAlone()
    {
        var joining = Empty.With(State([Aged(1, MemberStatus.Up, 1), Twin(1, 4100, MemberStatus.Joining, int.MaxValue)]));
        var up = joining.Apply(new ClusterEvent.MemberUp(Twin(1, 4100, MemberStatus.Up, 2)));

        Assert.Equal(SignerCheck.Sole, joining.CheckSigner().Check);
        Assert.Equal(SignerCheck.Sole, up.CheckSigner().Check);
    }

    [Fact]
    public void CheckSigner_OlderTwinUnreachable_WaitsForTheCluster_DownedThenSole()
    {
        var view = Empty.With(State([Aged(1, MemberStatus.Up, 2), Twin(1, 4100, MemberStatus.Up, 1)], unreachable: [Twin(1, 4100, MemberStatus.Up, 1)]));
        Assert.Equal(SignerCheck.OlderUnreachable, view.CheckSigner().Check);

        Assert.Equal(SignerCheck.TakenByOlder, view.Apply(new ClusterEvent.ReachableMember(Twin(1, 4100, MemberStatus.Up, 1))).CheckSigner().Check);
        Assert.Equal(SignerCheck.Sole, view.Apply(new ClusterEvent.MemberDowned(Twin(1, 4100, MemberStatus.Down, 1))).CheckSigner().Check);
    }

    [Fact]
    public void CheckSigner_OlderTwinLeaving_StillTaken_RemovedThenSole()
    {
        // A leaving member may still have transactions in flight with the shared nonces: it counts until it is gone.
        var view = Empty.With(State([Aged(1, MemberStatus.Up, 2), Twin(1, 4100, MemberStatus.Leaving, 1)]));
        Assert.Equal(SignerCheck.TakenByOlder, view.CheckSigner().Check);

        Assert.Equal(SignerCheck.Sole, view.Apply(new ClusterEvent.MemberRemoved(Twin(1, 4100, MemberStatus.Removed, 1), MemberStatus.Exiting)).CheckSigner().Check);
    }
}
