using Keeper.Chain.Contracts.GoGoPool;
using Microsoft.Extensions.Logging;

namespace Keeper.Chain.Watching.GoGoPool;

/// <content>Logging for <see cref="GoGoPoolWatcher"/>.</content>
public sealed partial class GoGoPoolWatcher
{
    [LoggerMessage(Level = LogLevel.Information, Message = "GoGoPool cold start at block {Block}: {Minipools} minipool(s) in MinipoolManager {MinipoolManager}, RewardsPool {RewardsPool}")]
    private static partial void LogColdStart(ILogger logger, ulong block, int minipools, string minipoolManager, string rewardsPool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GoGoPool chain reorg of {Depth} block(s) back to block {Ancestor}; reading every minipool and the rewards cycle again")]
    private static partial void LogReorg(ILogger logger, int depth, ulong ancestor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GoGoPool logs for blocks {From}-{To} came from another branch (a reorg raced the read); reading them again")]
    private static partial void LogRaceRewind(ILogger logger, ulong from, ulong to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GoGoPool contract addresses changed at block {Block} (an upgrade re-registered them in Storage): was {Before}, now {After}")]
    private static partial void LogDeploymentChanged(ILogger logger, ulong block, GoGoPoolDeployment before, GoGoPoolDeployment after);

    [LoggerMessage(Level = LogLevel.Information, Message = "GoGoPool rewards cycle {Count} started in block {Block}")]
    private static partial void LogRewardsCycleStarted(ILogger logger, ulong block, ulong count);
}
