using Keeper.Chain.Watching;

namespace Keeper.Actors.GoGoPool;

/// <summary>The GoGoPool registry's board: the reply to <see cref="GetGoGoPoolStatus"/>.</summary>
/// <param name="Head">The last head the registry was told of, or null before the first.</param>
/// <param name="RewardsCycle">The rewards cycle as last read, or null before.</param>
/// <param name="Minipools">Every tracked minipool, by node ID.</param>
/// <param name="Alerts">The active alerts, oldest first.</param>
/// <param name="Raised">How many alerts of each kind were raised since the node started (every kind present).</param>
public sealed record GoGoPoolStatus(
    BlockRef? Head, GoGoRewardsCycleView? RewardsCycle, IReadOnlyList<GoGoMinipoolView> Minipools, IReadOnlyList<GoGoAlert> Alerts,
    IReadOnlyDictionary<GoGoAlertKind, long> Raised);
