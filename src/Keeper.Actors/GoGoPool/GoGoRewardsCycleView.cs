using Keeper.Chain.Primitives;

namespace Keeper.Actors.GoGoPool;

/// <summary>The GGP rewards cycle as the status board shows it.</summary>
/// <param name="RewardsPool">The RewardsPool contract.</param>
/// <param name="Count">How many cycles were started.</param>
/// <param name="StartTime">When the current cycle started.</param>
/// <param name="NextStartTime">The first block time at which the next may start, or null before the settings are read.</param>
/// <param name="CanStart">What <c>canStartRewardsCycle()</c> answered at the last read.</param>
public sealed record GoGoRewardsCycleView(Address RewardsPool, ulong Count, ulong StartTime, ulong? NextStartTime, bool CanStart);
