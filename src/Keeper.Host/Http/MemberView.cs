namespace Keeper.Host.Http;

/// <summary>One keeper member of the cluster.</summary>
/// <param name="Address">Its signing address.</param>
/// <param name="Position">Its place in the gate's round-robin order (0 first); null while it takes no turns.</param>
/// <param name="Self">Whether it is this node.</param>
/// <param name="NodeId">Its node id (its claims are recorded under it).</param>
/// <param name="Status">Its cluster status: Joining, Up, Leaving, Exiting, Down, or "Unreachable (Up)" and the like.</param>
/// <param name="Node">Its cluster address.</param>
/// <param name="HeartbeatAgeSeconds">How long ago this node last heard its heartbeat (0 for this node), or null if never.</param>
public sealed record MemberView(string Address, int? Position, bool Self, string NodeId, string Status, string Node, double? HeartbeatAgeSeconds = null);
