namespace Keeper.Host.Node;

/// <summary>A running node's state, for `keeper status`, the HTTP API, the devnet and its tests.</summary>
/// <param name="NodeId">The node's id.</param>
/// <param name="Address">Its signing address.</param>
/// <param name="Ready">True once the first cold start or resume is done.</param>
/// <param name="HeadNumber">The last block fully processed.</param>
/// <param name="HeadTimestamp">Its timestamp.</param>
/// <param name="Megapools">Megapools tracked.</param>
/// <param name="Minipools">Minipools tracked.</param>
/// <param name="LiveTrackers">Trackers running (the rest passivated).</param>
/// <param name="Duties">Duties held.</param>
/// <param name="DutiesDue">Duties due now.</param>
/// <param name="Members">Cluster members in the gate's view.</param>
/// <param name="StoreReachable">Whether the shared store answers.</param>
/// <param name="GateTurns">Windows this node held.</param>
/// <param name="Claims">Claims it won.</param>
/// <param name="Succeeded">Its transactions that succeeded.</param>
/// <param name="PendingTransactions">Its transactions not yet mined.</param>
/// <param name="Transactions">All its transactions known to its submitter.</param>
/// <param name="RpcRequests">HTTP requests to the execution client.</param>
/// <param name="RpcErrors">Failed attempts.</param>
public sealed record NodeStatus(
    string NodeId,
    string Address,
    bool Ready,
    ulong HeadNumber,
    ulong HeadTimestamp,
    int Megapools,
    int Minipools,
    int LiveTrackers,
    int Duties,
    int DutiesDue,
    IReadOnlyList<string> Members,
    bool StoreReachable,
    long GateTurns,
    long Claims,
    long Succeeded,
    int PendingTransactions,
    int Transactions,
    long RpcRequests,
    long RpcErrors)
{
    /// <summary>
    /// The keeper members of the cluster as this node sees them, each "node-id status" (e.g. <c>node-2 Up</c>,
    /// <c>node-3 Unreachable (Up)</c>), unreachable and leaving ones included; see /api/members for more.
    /// </summary>
    public IReadOnlyList<string> Cluster { get; init; } = [];
}
