namespace Keeper.Actors.Cluster;

/// <summary>Whether this node may sign for its key (<see cref="ClusterView.CheckSigner"/>).</summary>
public enum SignerCheck
{
    /// <summary>This node is not Up in the cluster (yet, or any more): it may not sign.</summary>
    NotUp,

    /// <summary>This node is Up and no older member that is alive signs for its key: it signs.</summary>
    Sole,

    /// <summary>An older member signs for the same key but is unreachable: the cluster decides its fate first.</summary>
    OlderUnreachable,

    /// <summary>An older, reachable member signs for the same key: it keeps signing and this node must stop.</summary>
    TakenByOlder,
}
