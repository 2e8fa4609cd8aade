using Keeper.Chain.Contracts.RocketPool;
using Microsoft.Extensions.Logging;

namespace Keeper.Chain.Watching;

/// <content>Logging for <see cref="ChainWatcher"/>.</content>
public sealed partial class ChainWatcher
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Cold start at block {Block}: {Validators} megapool validator(s), {Minipools} minipool(s)")]
    private static partial void LogColdStart(ILogger logger, ulong block, long validators, int minipools);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reorg of {Depth} block(s) back to block {Ancestor}; re-reading the pools it touched")]
    private static partial void LogReorg(ILogger logger, int depth, ulong ancestor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Logs for blocks {From}-{To} came from another branch (a reorg raced the read); reading them again")]
    private static partial void LogRaceRewind(ILogger logger, ulong from, ulong to);

    [LoggerMessage(Level = LogLevel.Information, Message = "DAO proposal {ProposalId} executed in block {Block} by {Emitter}; reading settings and contract addresses again")]
    private static partial void LogProposalExecuted(ILogger logger, ulong proposalId, ulong block, string emitter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rocket Pool contract addresses changed at block {Block} (an upgrade re-registered them in RocketStorage): was {Before}, now {After}")]
    private static partial void LogDeploymentChanged(ILogger logger, ulong block, RocketPoolDeployment before, RocketPoolDeployment after);

    [LoggerMessage(Level = LogLevel.Information, Message = "Settings changed at block {Block}: {Megapool}, minipool launch timeout {LaunchTimeout}s")]
    private static partial void LogSettingsChanged(ILogger logger, ulong block, MegapoolSettingsValues megapool, ulong launchTimeout);
}
