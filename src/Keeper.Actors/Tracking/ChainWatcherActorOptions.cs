namespace Keeper.Actors.Tracking;

/// <summary>How the <see cref="ChainWatcherActor"/> paces itself.</summary>
/// <param name="PollInterval">How often it polls the node for a new head (a fraction of the block time).</param>
/// <param name="CheckpointEveryBlocks">How many blocks pass between checkpoints (snapshots of every tracker, then the watcher's position).</param>
public sealed record ChainWatcherActorOptions(TimeSpan PollInterval, ulong CheckpointEveryBlocks = 32);
