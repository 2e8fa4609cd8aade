using Keeper.Chain.Primitives;

namespace Keeper.Actors.Tracking;

/// <summary>Restores the known pools after a restart (each from its snapshot, re-scheduling its duties).</summary>
/// <param name="Megapools">The known megapools.</param>
/// <param name="Minipools">The known minipools.</param>
public sealed record RestoreTrackers(IReadOnlyCollection<Address> Megapools, IReadOnlyCollection<Address> Minipools);

/// <summary>The beacon chain's record of a megapool validator changed, for the registry to route to its tracker.</summary>
/// <param name="Megapool">The megapool.</param>
/// <param name="ValidatorId">The validator.</param>
/// <param name="Beacon">Its beacon record, or null when the beacon node does not know the validator.</param>
/// <param name="SeenAtSlot">The beacon head slot read just before the record (the record is of that slot or later); 0 unknown.</param>
public sealed record RouteBeaconFacts(Address Megapool, uint ValidatorId, Keeper.Chain.Beacon.BeaconValidator? Beacon, ulong SeenAtSlot = 0);

/// <summary>A megapool validator's final withdrawal was found on the beacon chain, for the registry to route to its tracker.</summary>
/// <param name="Megapool">The megapool.</param>
/// <param name="ValidatorId">The validator.</param>
/// <param name="Withdrawal">Where the withdrawal was paid.</param>
public sealed record RouteFinalWithdrawal(Address Megapool, uint ValidatorId, Keeper.Chain.Proving.WithdrawalLocation Withdrawal);

/// <summary>Asks the registry to have every live tracker shard save its pools' snapshots; it replies <see cref="SnapshotSaved"/> when all have.</summary>
public sealed record SaveAllSnapshots
{
    /// <summary>The one instance.</summary>
    public static SaveAllSnapshots Instance { get; } = new();
}

/// <summary>Asks the registry for its counts; it replies <see cref="RegistryStats"/>.</summary>
public sealed record GetRegistryStats
{
    /// <summary>The one instance.</summary>
    public static GetRegistryStats Instance { get; } = new();
}

/// <summary>The registry's counts.</summary>
/// <param name="Megapools">Megapools known.</param>
/// <param name="Minipools">Minipools known.</param>
/// <param name="LiveTrackers">Pools whose tracker state is in memory now (the rest are passivated).</param>
public sealed record RegistryStats(int Megapools, int Minipools, int LiveTrackers);

/// <summary>Asks the registry which tracker actor holds <paramref name="Pool"/>; it replies <see cref="TrackerOf"/> after routing everything it was told before.</summary>
/// <param name="Pool">The megapool or minipool.</param>
public sealed record GetTrackerOf(Address Pool);

/// <summary>The tracker shard of a pool.</summary>
/// <param name="Pool">The pool.</param>
/// <param name="Tracker">The live shard its address falls in, or null when that shard is passivated.</param>
public sealed record TrackerOf(Address Pool, Akka.Actor.IActorRef? Tracker);

/// <summary>Asks the watcher actor for its head; it replies <see cref="WatcherHead"/>.</summary>
public sealed record GetWatcherHead
{
    /// <summary>The one instance.</summary>
    public static GetWatcherHead Instance { get; } = new();
}

/// <summary>The watcher's last fully reported block, or null before the first poll.</summary>
/// <param name="Head">The head.</param>
public sealed record WatcherHead(Keeper.Chain.Eth.BlockHeader? Head)
{
    /// <summary>The chain's tip as the node last reported it (ahead of <see cref="Head"/> while the watcher catches up); null before the first read.</summary>
    public ulong? ChainTip { get; init; }

    /// <summary>When a poll last completed without error (the actor system's clock); null before.</summary>
    public DateTimeOffset? LastPollSucceeded { get; init; }
}
