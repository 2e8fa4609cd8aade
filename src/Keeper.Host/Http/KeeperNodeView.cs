using Keeper.Actors.Cluster;
using Keeper.Actors.Gate;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Rpc;
using Keeper.Host.GoGoPool;
using Keeper.Host.Node;

namespace Keeper.Host.Http;

/// <summary>The <see cref="INodeView"/> of a <see cref="KeeperNode"/> in this process: its board and its RPC client's endpoint health.</summary>
/// <param name="node">The node.</param>
/// <param name="prepared">What the node opened before its actors started: the history is read from its claim store.</param>
/// <param name="goGoPool">GoGoPool's chain when keeper.gogopool is on, else null.</param>
public sealed class KeeperNodeView(KeeperNode node, PreparedNode prepared, GoGoPoolChain? goGoPool = null) : INodeView
{
    /// <inheritdoc />
    public bool IsAlive => !node.System.WhenTerminated.IsCompleted;

    /// <inheritdoc />
    public NodeStatus Status => node.GetStatus();

    /// <inheritdoc />
    public DutiesSnapshot Duties => node.Board.Duties;

    /// <inheritdoc />
    public SubmitterStatus Submitter => node.Board.Submitter;

    /// <inheritdoc />
    public GateStatus Gate => node.Board.Gate;

    /// <inheritdoc />
    public ClusterMembers Cluster => node.Board.Cluster;

    /// <inheritdoc />
    public OwnStatus Own => node.Board.Own;

    /// <inheritdoc />
    public WatcherHead Watcher => node.Board.Watcher;

    /// <inheritdoc />
    public IReadOnlyList<RpcEndpointStatus> RpcEndpoints => node.RpcEndpoints();

    /// <inheritdoc />
    public IReadOnlyList<NodePartStatus> Parts => node.Board.Parts();

    /// <inheritdoc />
    public DateTimeOffset? OldestPendingSince => node.Board.OldestPendingSince;

    /// <inheritdoc />
    public SignerBalance? Balance => node.Board.Balance;

    /// <inheritdoc />
    public Task<IReadOnlyList<ClaimHistoryEntry>> GetHistoryAsync(DateTimeOffset since, DateTimeOffset? until, int limit, CancellationToken cancellationToken) =>
        prepared.Claims.GetHistoryAsync(since, until, limit, cancellationToken);

    /// <inheritdoc />
    public OperatorAccountsView Operators => node.Board.Operators;

    /// <inheritdoc />
    public GoGoPoolNodeView? GoGoPool => prepared.GoGoPool is { } chain && goGoPool is not null
        ? new GoGoPoolNodeView(chain.ChainId, node.Board.GoGoPool, goGoPool.Rpc.EndpointStatus())
        : null;
}
