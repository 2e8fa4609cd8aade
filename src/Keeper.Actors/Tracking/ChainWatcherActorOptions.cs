namespace Keeper.Actors.Tracking;

/// <summary>How the <see cref="ChainWatcherActor"/> paces itself, and whose checkpoint it keeps.</summary>
/// <param name="PollInterval">How often it polls the node for a new head (a fraction of the block time).</param>
/// <param name="CheckpointEveryBlocks">How many blocks pass between checkpoints (snapshots of every tracker, then the watcher's position).</param>
/// <param name="Slot">
/// The chain's block interval, if known. After a new head the next poll waits most of a slot (no block can come sooner),
/// then polls every <paramref name="PollInterval"/> until the next head: about two head requests per block instead of one
/// per poll interval.
/// </param>
/// <param name="Snapshots">
/// Whose checkpoint it keeps in the actor system's snapshot store (Akka.Persistence), the trackers' scope; null to keep
/// none and always cold-start (tests, benchmarks).
/// </param>
public sealed record ChainWatcherActorOptions(TimeSpan PollInterval, ulong CheckpointEveryBlocks = 32, TimeSpan? Slot = null, SnapshotScope? Snapshots = null);
