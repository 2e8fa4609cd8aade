using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Watching.GoGoPool;

namespace Keeper.Actors.GoGoPool;

/// <summary>The immutable state of one GoGoPool minipool's tracker.</summary>
/// <param name="Minipool">The record as last read.</param>
/// <param name="AsOfBlock">The block of that read; reads of older blocks are stale (until a reorg rewinds it).</param>
/// <param name="StatusSince">
/// When the minipool entered its status: the block time of the status log it was read after, or null when it was first
/// seen in this status by a cold start or a re-read (the record holds no such time).
/// </param>
/// <param name="Episode">
/// Counts the status entries seen: a new status, or the same status entered again by a later status log. Alerts belong
/// to an episode and are cleared when it ends.
/// </param>
public sealed record GoGoMinipoolTrackingState(GoGoMinipool Minipool, ulong AsOfBlock, ulong? StatusSince, int Episode = 0)
{
    /// <summary>The status held.</summary>
    public GoGoMinipoolStatus Status => Minipool.Status;

    /// <summary>The state from the first read of a minipool.</summary>
    public static GoGoMinipoolTrackingState Discover(GoGoMinipoolRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new GoGoMinipoolTrackingState(read.Minipool, read.Block.Number, read.StatusChanged ? read.Block.Timestamp : null);
    }

    /// <summary>
    /// Applies a read. A read of an older block than the state's is stale and ignored (a reorg first rewinds the state,
    /// see <see cref="Rewound"/>). Any other read is accepted as the chain's truth, even a move the protocol forbids; the
    /// update says how the status moved so the caller can report it.
    /// </summary>
    public GoGoMinipoolUpdate Apply(GoGoMinipoolRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Block.Number < AsOfBlock)
        {
            return new GoGoMinipoolUpdate(this, this, GoGoTransitionKind.Stale, [Status, read.Minipool.Status]);
        }

        var kind = GoGoTransitions.Classify(Status, read.Minipool.Status, out var path);
        // A status log in a later block for the status held means the minipool left it and came back within that block.
        var reentered = kind == GoGoTransitionKind.Unchanged && read.StatusChanged && read.Block.Number > AsOfBlock;
        ulong? since = kind == GoGoTransitionKind.Unchanged && !reentered
            ? StatusSince ?? (read.StatusChanged ? read.Block.Timestamp : null)
            : read.StatusChanged ? read.Block.Timestamp : null;
        var next = new GoGoMinipoolTrackingState(read.Minipool, read.Block.Number, since, kind == GoGoTransitionKind.Unchanged && !reentered ? Episode : Episode + 1);
        return new GoGoMinipoolUpdate(this, next, kind, path);
    }

    /// <summary>
    /// The state after a reorg back to block <paramref name="commonAncestor"/>: a read from a dropped block no longer
    /// counts, so the re-reads that follow at the new head are accepted even where that head is lower than the old one.
    /// </summary>
    public GoGoMinipoolTrackingState Rewound(ulong commonAncestor) =>
        AsOfBlock > commonAncestor ? this with { AsOfBlock = commonAncestor } : this;
}
