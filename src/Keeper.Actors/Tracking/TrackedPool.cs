namespace Keeper.Actors.Tracking;

/// <summary>
/// What a <see cref="TrackerShard"/> keeps beside one pool's immutable state record: enough to save its snapshot and to
/// passivate it. The duties are not kept: they are derived again from the state when they must be compared.
/// </summary>
internal sealed class TrackedPool(object? state, long snapshotSequenceNr)
{
    /// <summary>
    /// A <see cref="MegapoolTrackingState"/> or a <see cref="MinipoolTrackingState"/>; null for a minipool a reorg dropped
    /// (its snapshot is deleted at the next save).
    /// </summary>
    public object? State { get; set; } = state;

    /// <summary>The sequence number of the last snapshot loaded or tried; every save tries the next one (see LatestSnapshot).</summary>
    public long SnapshotSequenceNr { get; set; } = snapshotSequenceNr;

    /// <summary>The state changed since the last snapshot.</summary>
    public bool Dirty { get; set; }

    /// <summary>When the pool last changed or was loaded, in ticks of the actor system's scheduler (the passivation clock).</summary>
    public long LastChangeTicks { get; set; }

    /// <summary>
    /// The candidates last told to the beacon watcher, each as <c>validatorId &lt;&lt; 1 | awaitsFinalWithdrawal</c>
    /// (compact: a pool lives long), or null for none.
    /// </summary>
    public ulong[]? BeaconCandidates { get; set; }
}
