using System.Numerics;
using Keeper.Chain.Logs;

namespace Keeper.Chain.Contracts.GoGoPool.Events;

/// <summary><c>NewRewardsCycleStarted(uint256 totalRewardsAmt)</c> from RewardsPool: a cycle started at the log's block.</summary>
/// <param name="Log">The raw log.</param>
/// <param name="TotalRewardsAmt">The GGP total recorded for the cycle that ended, in wei.</param>
public sealed record RewardsCycleStartedLog(LogEntry Log, BigInteger TotalRewardsAmt) : GoGoPoolLog(Log);
