namespace Keeper.Host.Node;

/// <summary>A part of the node whose latest answer the <see cref="NodeStateBoard"/> keeps.</summary>
public enum NodePart
{
    /// <summary>The chain watcher: head, chain tip, last successful poll.</summary>
    Watcher,

    /// <summary>The pool registry: pools tracked, trackers live.</summary>
    Registry,

    /// <summary>The deadline scheduler: duties.</summary>
    Scheduler,

    /// <summary>The submission gate: members, tasks, counters, store reachability.</summary>
    Gate,

    /// <summary>The submitter: transactions.</summary>
    Submitter,

    /// <summary>The cluster membership: keeper members.</summary>
    Cluster,

    /// <summary>The own-deadline watch (keeper.own).</summary>
    Own,

    /// <summary>The signer balance watch: the signing account's balance.</summary>
    Balance,

    /// <summary>The operator accounts: credit, debt and refund value per tracked megapool.</summary>
    Operators,

    /// <summary>GoGoPool's chain watcher (keeper.gogopool): head, chain tip, last successful poll.</summary>
    GoGoPoolWatcher,

    /// <summary>GoGoPool's registry: minipools, alerts, the rewards cycle.</summary>
    GoGoPool,

    /// <summary>GoGoPool's deadline scheduler: the rewards-cycle duty.</summary>
    GoGoPoolScheduler,

    /// <summary>GoGoPool's submission gate.</summary>
    GoGoPoolGate,

    /// <summary>The balance of the account that signs on GoGoPool's chain.</summary>
    GoGoPoolBalance,
}
