using Keeper.Actors.Cluster;
using Keeper.Actors.Gate;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Node;

namespace Keeper.Host.Http;

/// <summary>
/// The read-only view of a running node that the HTTP API, metrics and dashboard are built on. Nothing in it can change
/// the node, and nothing in it carries a secret (keys, passwords, RPC URLs).
/// </summary>
public interface INodeView
{
    /// <summary>True while the node's actor system runs.</summary>
    bool IsAlive { get; }

    /// <summary>The node's state.</summary>
    Task<NodeStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>The scheduler's duties, earliest first.</summary>
    Task<DutiesSnapshot> GetDutiesAsync(CancellationToken cancellationToken);

    /// <summary>The submitter's transactions, newest last.</summary>
    Task<SubmitterStatus> GetSubmitterStatusAsync(CancellationToken cancellationToken);

    /// <summary>The gate's members, tasks and counters.</summary>
    Task<GateStatus> GetGateStatusAsync(CancellationToken cancellationToken);

    /// <summary>The keeper members of the cluster as this node sees them.</summary>
    Task<ClusterMembers> GetClusterMembersAsync(CancellationToken cancellationToken);

    /// <summary>The own validators' deadlines and warnings (keeper.own); a node without own mode has none.</summary>
    Task<OwnStatus> GetOwnStatusAsync(CancellationToken cancellationToken) => Task.FromResult(OwnStatus.Empty);

    /// <summary>Every tracked megapool's operator credit, debt and refund value, the own first; a view without them has none.</summary>
    Task<OperatorAccountsView> GetOperatorsAsync(CancellationToken cancellationToken) => Task.FromResult(new OperatorAccountsView([], null));

    /// <summary>A transaction's receipt, or null if the chain does not know it.</summary>
    Task<TransactionReceipt?> GetReceiptAsync(Hash32 hash, CancellationToken cancellationToken);
}
