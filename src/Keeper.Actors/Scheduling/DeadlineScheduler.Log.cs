using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Scheduling;

/// <content>Logging for <see cref="DeadlineScheduler"/>.</content>
public sealed partial class DeadlineScheduler
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Duty {Task} due at {DueAt} is valid in the next block (time {NextBlockTime})")]
    private static partial void LogDue(ILogger logger, string task, ulong dueAt, ulong nextBlockTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duty {Task} cancelled: {Reason}")]
    private static partial void LogCancelled(ILogger logger, string task, string reason);
}
