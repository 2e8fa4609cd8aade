using Keeper.Actors.Cluster;
using Keeper.Actors.Gate;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Node;

namespace Keeper.Host.Http;

/// <summary>The <see cref="INodeView"/> of a <see cref="KeeperNode"/> in this process.</summary>
/// <param name="node">The node.</param>
/// <param name="prepared">What the node opened before its actors started: the history is read from its claim store.</param>
public sealed class KeeperNodeView(KeeperNode node, PreparedNode prepared) : INodeView
{
    /// <inheritdoc />
    public bool IsAlive => !node.System.WhenTerminated.IsCompleted;

    /// <inheritdoc />
    public Task<NodeStatus> GetStatusAsync(CancellationToken cancellationToken) => node.GetStatusAsync(cancellationToken);

    /// <inheritdoc />
    public Task<DutiesSnapshot> GetDutiesAsync(CancellationToken cancellationToken) => node.GetDutiesAsync(cancellationToken);

    /// <inheritdoc />
    public Task<SubmitterStatus> GetSubmitterStatusAsync(CancellationToken cancellationToken) => node.GetSubmitterStatusAsync(cancellationToken);

    /// <inheritdoc />
    public Task<GateStatus> GetGateStatusAsync(CancellationToken cancellationToken) => node.GetGateStatusAsync(cancellationToken);

    /// <inheritdoc />
    public Task<ClusterMembers> GetClusterMembersAsync(CancellationToken cancellationToken) => node.GetClusterMembersAsync(cancellationToken);

    /// <inheritdoc />
    public Task<OwnStatus> GetOwnStatusAsync(CancellationToken cancellationToken) => node.GetOwnStatusAsync(cancellationToken);

    /// <inheritdoc />
    public Task<SignerBalance> GetSignerBalanceAsync(CancellationToken cancellationToken) => node.GetSignerBalanceAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ClaimHistoryEntry>> GetHistoryAsync(DateTimeOffset since, DateTimeOffset? until, int limit, CancellationToken cancellationToken) =>
        prepared.Claims.GetHistoryAsync(since, until, limit, cancellationToken);

    /// <inheritdoc />
    public Task<TransactionReceipt?> GetReceiptAsync(Hash32 hash, CancellationToken cancellationToken) => node.GetReceiptAsync(hash, cancellationToken);
}
