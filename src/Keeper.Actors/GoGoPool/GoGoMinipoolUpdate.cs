using Keeper.Chain.Contracts.GoGoPool;

namespace Keeper.Actors.GoGoPool;

/// <summary>What applying a read did to a tracked minipool.</summary>
/// <param name="Before">The state before.</param>
/// <param name="After">The state after (the same as <paramref name="Before"/> for a stale read).</param>
/// <param name="Kind">How the status moved.</param>
/// <param name="Path">The statuses passed through, both ends included (for a skipped move, the steps it read as one).</param>
public sealed record GoGoMinipoolUpdate(GoGoMinipoolTrackingState Before, GoGoMinipoolTrackingState After, GoGoTransitionKind Kind, IReadOnlyList<GoGoMinipoolStatus> Path)
{
    /// <summary>Whether a new status episode began (the alerts of the old one end).</summary>
    public bool EpisodeChanged => After.Episode != Before.Episode;

    /// <summary>Whether the move is one to report once: forbidden, or several steps read as one.</summary>
    public bool IsIrregular => Kind is GoGoTransitionKind.Forbidden or GoGoTransitionKind.Skipped;
}
