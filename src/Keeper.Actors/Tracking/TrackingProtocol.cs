using Akka.Actor;

namespace Keeper.Actors.Tracking;

/// <summary>The settings changed (or were read for the first time): trackers recompute their duties.</summary>
/// <param name="Settings">The new settings.</param>
public sealed record SettingsChanged(TrackingSettings Settings);

/// <summary>
/// Events of the watcher, in chain order: the watcher hands each part of a poll to the registry as one message, and the
/// registry hands each tracker shard the events of its own pools the same way, so a shard derives the duties of a pool
/// once per part rather than once per read.
/// </summary>
/// <param name="Events">The events.</param>
public sealed record WatcherEvents(IReadOnlyList<Keeper.Chain.Watching.WatcherEvent> Events);

/// <summary>Has a tracker shard load these pools from their snapshots and schedule their duties again (a restart).</summary>
/// <param name="Pools">The pools; those without a snapshot are left for their next event.</param>
public sealed record RestorePools(IReadOnlyList<Keeper.Chain.Primitives.Address> Pools);

/// <summary>A tracker shard tells the registry how many pools it holds in memory (the rest are passivated).</summary>
/// <param name="Count">The pools held.</param>
public sealed record PoolsLive(int Count);

/// <summary>Asks a tracker shard to write the snapshot of every pool that changed; it replies <see cref="SnapshotSaved"/>, or a failure once every save was tried.</summary>
public sealed record SaveSnapshot
{
    /// <summary>The one instance.</summary>
    public static SaveSnapshot Instance { get; } = new();
}

/// <summary>The reply to <see cref="SaveSnapshot"/>.</summary>
public sealed record SnapshotSaved
{
    /// <summary>The one instance.</summary>
    public static SnapshotSaved Instance { get; } = new();
}

/// <summary>A tracker shard that holds no pool any more (each was passivated) asks its parent to stop it.</summary>
/// <param name="Tracker">The tracker.</param>
public sealed record PassivationRequested(IActorRef Tracker);

/// <summary>A tracker shard could not save a snapshot and stays alive: the parent delivers the messages it held for it.</summary>
/// <param name="Tracker">The tracker.</param>
public sealed record PassivationCancelled(IActorRef Tracker);

/// <summary>The parent tells a tracker shard to passivate: save every pool's snapshot and stop (messages after this are buffered by the parent).</summary>
public sealed record Passivate
{
    /// <summary>The one instance.</summary>
    public static Passivate Instance { get; } = new();
}

/// <summary>A megapool tracker's set of validators to ask the beacon chain about changed.</summary>
/// <param name="Megapool">The megapool.</param>
/// <param name="Candidates">Its validators that can have a proof duty (<see cref="MegapoolTrackingState.BeaconCandidates"/>).</param>
public sealed record BeaconCandidatesChanged(Keeper.Chain.Primitives.Address Megapool, IReadOnlyList<BeaconCandidate> Candidates);

/// <summary>The chain's head moved to a block of time <paramref name="Timestamp"/>: the beacon watcher checks once per new epoch of it.</summary>
/// <param name="Timestamp">The head block's timestamp, in Unix seconds.</param>
public sealed record BeaconCheckDue(ulong Timestamp);

/// <summary>An own megapool's deadlines (all of them, replacing the previous list), for the <see cref="OwnDeadlineWatch"/>.</summary>
/// <param name="Megapool">The own megapool.</param>
/// <param name="Deadlines">Its validators' deadlines now; empty when none is open.</param>
public sealed record OwnDeadlinesChanged(Keeper.Chain.Primitives.Address Megapool, IReadOnlyList<OwnDeadline> Deadlines);
