using Keeper.Actors.Cluster;
using Keeper.Actors.Gate;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Node;

namespace Keeper.Host.Http;

/// <summary>The <see cref="INodeView"/> of a <see cref="KeeperNode"/> in this process.</summary>
/// <param name="node">The node.</param>
public sealed class KeeperNodeView(KeeperNode node) : INodeView
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
    public Task<OperatorAccountsView> GetOperatorsAsync(CancellationToken cancellationToken) => node.GetOperatorAccountsAsync(cancellationToken);

    /// <inheritdoc />
    public Task<TransactionReceipt?> GetReceiptAsync(Hash32 hash, CancellationToken cancellationToken) => node.GetReceiptAsync(hash, cancellationToken);
}
