using Keeper.Actors.Cluster;
using Keeper.Actors.Gate;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Rpc;
using Keeper.Host.Node;

namespace Keeper.Host.Http;

/// <summary>
/// The read-only view of a running node that the HTTP API, metrics, readiness and dashboard are built on. Every property
/// reads state already in memory (the node's <see cref="NodeStateBoard"/> and its RPC client's endpoint health), so it
/// answers at once whatever the chain does. Nothing in it can change the node, and nothing in it carries a secret (keys,
/// passwords, RPC URLs).
/// </summary>
public interface INodeView
{
    /// <summary>True while the node's actor system runs.</summary>
    bool IsAlive { get; }

    /// <summary>The node's state.</summary>
    NodeStatus Status { get; }

    /// <summary>The scheduler's duties, earliest first.</summary>
    DutiesSnapshot Duties { get; }

    /// <summary>The submitter's transactions, newest last.</summary>
    SubmitterStatus Submitter { get; }

    /// <summary>The gate's members, tasks and counters.</summary>
    GateStatus Gate { get; }

    /// <summary>The keeper members of the cluster as this node sees them.</summary>
    ClusterMembers Cluster { get; }

    /// <summary>The own validators' deadlines and warnings (keeper.own); a node without own mode has none.</summary>
    OwnStatus Own => OwnStatus.Empty;

    /// <summary>The chain watcher's head, the chain tip it last saw and its last successful poll.</summary>
    WatcherHead Watcher { get; }

    /// <summary>Each RPC endpoint's health, in configured order.</summary>
    IReadOnlyList<RpcEndpointStatus> RpcEndpoints { get; }

    /// <summary>How fresh each part's answer is.</summary>
    IReadOnlyList<NodePartStatus> Parts => [];

    /// <summary>When the oldest pending transaction was first seen pending; null when none is.</summary>
    DateTimeOffset? OldestPendingSince => null;

    /// <summary>The signing account's balance as the node last read it; null before the first reading reached the board.</summary>
    SignerBalance? Balance => null;

    /// <summary>Every member's claims from the shared store (not the chain), oldest first; see <see cref="Actors.Gate.Claims.IClaimStore.GetHistoryAsync"/>.</summary>
    Task<IReadOnlyList<Actors.Gate.Claims.ClaimHistoryEntry>> GetHistoryAsync(DateTimeOffset since, DateTimeOffset? until, int limit, CancellationToken cancellationToken);

    /// <summary>Every tracked megapool's operator credit, debt and refund value, the own first; none before the first reading.</summary>
    OperatorAccountsView Operators => new([], null);

    /// <summary>GoGoPool's chain (keeper.gogopool): minipools, alerts, the rewards cycle; null when it is off.</summary>
    GoGoPoolNodeView? GoGoPool => null;
}
