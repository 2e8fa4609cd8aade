namespace Keeper.Actors.Cluster;

/// <summary>
/// Sent by every node's <see cref="ClusterMembership"/> to the other keeper members' at each heartbeat interval, so each
/// node can show how long ago it last heard from every member (Akka.Cluster's failure detector keeps its own heartbeats
/// private). Crosses the network: serialized by <see cref="Persistence.KeeperSerializer"/> under a stable manifest.
/// </summary>
/// <param name="Node">The sender's member address (<c>akka.tcp://keeper@host:port</c>).</param>
public sealed record MemberHeartbeat(string Node);
