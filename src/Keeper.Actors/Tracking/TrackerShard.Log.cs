using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Tracking;

/// <content>Log messages.</content>
public sealed partial class TrackerShard
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A tracker shard could not load the snapshots of {Pools} pool(s); it holds its messages and tries again in {RetrySeconds} s: {Reason}")]
    private static partial void LogLoadFailed(ILogger logger, int pools, double retrySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tracker of {Pool} could not save its snapshot: {Reason}")]
    private static partial void LogSaveFailed(ILogger logger, string pool, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tracker of {Pool} passivated (nothing pending)")]
    private static partial void LogPassivated(ILogger logger, string pool);
}
