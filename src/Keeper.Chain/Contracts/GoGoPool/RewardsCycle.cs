namespace Keeper.Chain.Contracts.GoGoPool;

/// <summary>The GGP rewards cycle as RewardsPool holds it at one block.</summary>
/// <param name="StartTime">The current cycle started at, in seconds.</param>
/// <param name="Count">How many cycles were started.</param>
/// <param name="InflationIntervalStartTime">Inflation was last computed at, in seconds.</param>
/// <param name="CanStart">What <c>canStartRewardsCycle()</c> answered at that block.</param>
public sealed record RewardsCycle(ulong StartTime, ulong Count, ulong InflationIntervalStartTime, bool CanStart)
{
    /// <summary>
    /// The first block timestamp at which <c>startRewardsCycle()</c> is valid, unless the pool is paused: a whole cycle and
    /// a whole inflation interval after their starts (the contract divides the elapsed seconds and asks for at least one).
    /// </summary>
    public ulong NextStartTime(GoGoPoolSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Math.Max(StartTime + settings.RewardsCycleSeconds, InflationIntervalStartTime + settings.InflationIntervalSeconds);
    }
}
