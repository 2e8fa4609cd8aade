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
public sealed record ClusterMembers(string Self, IReadOnlyList<KeeperMember> Members, bool StoreReachable);
