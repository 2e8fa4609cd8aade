using Microsoft.Extensions.Logging;

namespace Keeper.Actors.GoGoPool;

/// <content>Logging for <see cref="GoGoPoolRegistry"/>: one line per alert raised or cleared, one per irregular status move.</content>
public sealed partial class GoGoPoolRegistry
{
    [LoggerMessage(Message = "GoGoPool alert {Kind} raised ({Key}): {Alert}")]
    private static partial void LogAlertRaised(ILogger logger, LogLevel level, string kind, string key, string alert);

    [LoggerMessage(Message = "GoGoPool alert {Kind} cleared ({Key}): {Reason}")]
    private static partial void LogAlertCleared(ILogger logger, LogLevel level, string kind, string key, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "GoGoPool minipool {NodeId} moved {Path} in block {Block}, a move GoGoPool does not allow; tracking the status the chain holds")]
    private static partial void LogForbidden(ILogger logger, string nodeId, string path, ulong block);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "GoGoPool minipool {NodeId} moved {Path} between two reads (several changes read as the last, block {Block})")]
    private static partial void LogSkipped(ILogger logger, string nodeId, string path, ulong block);

    [LoggerMessage(Level = LogLevel.Information, Message = "GoGoPool rewards cycle {Count} may be ended by starting the next from block time {DueAt}")]
    private static partial void LogCycleScheduled(ILogger logger, ulong count, ulong dueAt);
}
