using System.Collections.Immutable;
using Akka.Cluster;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Cluster;

/// <summary>
/// This node's view of the keeper members of the cluster, built from Akka.Cluster's events by pure transitions, and what
/// the gate needs from it. Members without the keeper roles (<see cref="KeeperRoles"/>) are left out.
/// </summary>
/// <param name="Self">This node's own member address.</param>
/// <param name="Members">The keeper members by address.</param>
public sealed record ClusterView(UniqueAddress Self, ImmutableDictionary<UniqueAddress, KeeperMember> Members)
{
    /// <summary>A view that knows no member yet (before the first cluster state arrives).</summary>
    public static ClusterView Empty(UniqueAddress self) => new(self, ImmutableDictionary<UniqueAddress, KeeperMember>.Empty);

    /// <summary>The members that take turns (reachable and Up), by signing address: the gate's members.</summary>
    public IReadOnlyList<Address> TurnHolders => Members.Values.Where(m => m.TakesTurns).Select(m => m.Signer).Distinct().Order().ToArray();

    /// <summary>
    /// The node ids of members not downed or removed. A pending claim of any other id belongs to a node that is gone for
    /// good, so once its window is over it may be taken over. Unreachable members count as alive: a node on the far side of
    /// a partition may still have its transaction mined, and the split-brain resolver decides its fate within seconds.
    /// </summary>
    public IReadOnlySet<string> LiveMemberIds => Members.Values.Where(m => m.Alive).Select(m => m.NodeId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether this node is Up (joined, and neither leaving nor downed): only then does it take turns.</summary>
    public bool SelfUp => Members.TryGetValue(Self, out var self) && self.Status == MemberStatus.Up;

    /// <summary>
    /// Whether this node may sign for its key: one signing key, one active member. While this node is not Up, it waits.
    /// Once it is, the oldest other member with the same signing address that is neither downed nor removed
    /// (<see cref="KeeperMember.IsOlderThan"/>) keeps signing, and this node must stop; an unreachable one may be a crashed
    /// node about to be downed, so this node waits for the cluster to decide. A newer member with the same address does not
    /// concern this node: that one stops.
    /// </summary>
    public (SignerCheck Check, KeeperMember? Older) CheckSigner()
    {
        if (!SelfUp)
        {
            return (SignerCheck.NotUp, null);
        }

        var self = Members[Self];
        var older = Members.Values
            .Where(m => m.Node != Self && m.Alive && m.Signer == self.Signer && m.IsOlderThan(self))
            .Aggregate((KeeperMember?)null, (oldest, m) => oldest is null || m.IsOlderThan(oldest) ? m : oldest);
        return older switch
        {
            null => (SignerCheck.Sole, null),
            { Reachable: true } => (SignerCheck.TakenByOlder, older),
            _ => (SignerCheck.OlderUnreachable, older),
        };
    }

    /// <summary>The view as the cluster's whole state gives it (the first message after subscribing).</summary>
    public ClusterView With(ClusterEvent.CurrentClusterState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var unreachable = state.Unreachable.Select(m => m.UniqueAddress).ToHashSet();
        var members = ImmutableDictionary.CreateBuilder<UniqueAddress, KeeperMember>();
        foreach (var member in state.Members)
        {
            if (Read(member, !unreachable.Contains(member.UniqueAddress)) is { } keeper)
            {
                members[member.UniqueAddress] = keeper;
            }
        }

        return this with { Members = members.ToImmutable() };
    }

    /// <summary>The view after a member's status changed; a removed member leaves the view.</summary>
    public ClusterView Apply(ClusterEvent.IMemberEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var member = change.Member;
        if (change is ClusterEvent.MemberRemoved)
        {
            return this with { Members = Members.Remove(member.UniqueAddress) };
        }

        var reachable = !Members.TryGetValue(member.UniqueAddress, out var known) || known.Reachable;
        return Read(member, reachable) is { } keeper ? this with { Members = Members.SetItem(member.UniqueAddress, keeper) } : this;
    }

    /// <summary>The view after a member became unreachable or reachable again.</summary>
    public ClusterView Apply(ClusterEvent.ReachabilityEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var reachable = change is ClusterEvent.ReachableMember;
        var member = change.Member;
        return Members.TryGetValue(member.UniqueAddress, out var known)
            ? this with { Members = Members.SetItem(member.UniqueAddress, known with { Reachable = reachable }) }
            : Read(member, reachable) is { } keeper ? this with { Members = Members.SetItem(member.UniqueAddress, keeper) } : this;
    }

    private static KeeperMember? Read(Member member, bool reachable) =>
        KeeperRoles.TryRead(member.Roles, out var signer, out var nodeId)
            ? new KeeperMember(member.UniqueAddress, nodeId, signer, member.Status, reachable) { Gossiped = member }
            : null;
}
