namespace Keeper.Actors.Cluster;

/// <summary>Asks <see cref="ClusterMembership"/> for its view; it replies <see cref="ClusterMembers"/>.</summary>
public sealed record GetClusterMembers
{
    /// <summary>The one instance.</summary>
    public static GetClusterMembers Instance { get; } = new();
}

/// <summary>The keeper members of the cluster as this node sees them.</summary>
/// <param name="Self">This node's member address (<c>akka.tcp://keeper@host:port</c>).</param>
/// <param name="Members">The keeper members, ordered by signing address.</param>
/// <param name="StoreReachable">Whether the shared store answered the last probe.</param>
public sealed record ClusterMembers(string Self, IReadOnlyList<KeeperMember> Members, bool StoreReachable)
{
    /// <summary>
    /// When this node last heard a <see cref="MemberHeartbeat"/> from each other member, by member address; a member not
    /// heard from yet is absent, and this node is never in it.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastHeard { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>When the view was taken (the node's clock): a member's heartbeat age is this minus its <see cref="LastHeard"/>.</summary>
    public DateTimeOffset At { get; init; }
}
