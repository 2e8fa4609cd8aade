using Akka.Cluster;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Cluster;

/// <summary>One keeper node in the cluster, as this node's cluster view holds it.</summary>
/// <param name="Node">The member's remoting address and incarnation (a restarted node is a new member).</param>
/// <param name="NodeId">The node id it records its claims under (from its roles).</param>
/// <param name="Signer">Its signing address (from its roles): its place in the gate's order.</param>
/// <param name="Status">Its status in the cluster (Joining, Up, Leaving, Exiting, Down…).</param>
/// <param name="Reachable">False while this node's failure detector (or another member's) finds it unreachable.</param>
public sealed record KeeperMember(UniqueAddress Node, string NodeId, Address Signer, MemberStatus Status, bool Reachable)
{
    /// <summary>Whether it takes turns at the gate: Up and reachable.</summary>
    public bool TakesTurns => Status == MemberStatus.Up && Reachable;

    /// <summary>Whether it may still act on what it claimed: any status but Down and Removed (unreachable counts as alive).</summary>
    public bool Alive => Status is not (MemberStatus.Down or MemberStatus.Removed);

    /// <summary>What an operator reads: the status, or <c>Unreachable</c> while it is not reachable.</summary>
    public string Display => Reachable ? Status.ToString() : $"Unreachable ({Status})";

    /// <summary>The member as Akka.Cluster's gossip gives it (its age); null for a member made by hand.</summary>
    public Member? Gossiped { get; init; }

    /// <summary>
    /// Whether it has been Up for longer than <paramref name="other"/> (Akka's <see cref="Member.IsOlderThan"/>: the lower
    /// up-number, between equal ones the lower address). Every member reads the same up-numbers from the gossip, so every
    /// member comes to the same answer.
    /// </summary>
    public bool IsOlderThan(KeeperMember other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Gossiped is { } member && other.Gossiped is { } theirs && member.IsOlderThan(theirs);
    }
}
