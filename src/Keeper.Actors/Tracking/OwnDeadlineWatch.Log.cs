using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Tracking;

/// <content>Logging for <see cref="OwnDeadlineWatch"/>: one line per deadline entering its warning lead time.</content>
public sealed partial class OwnDeadlineWatch
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Own validator {ValidatorId} of megapool {Megapool} is not staked: stake it before {Deadline:u} ({SecondsLeft} s of chain time left), or anyone may dissolve it and the megapool's debt takes the dissolve penalty")]
    private static partial void LogStakeDue(ILogger logger, string megapool, uint validatorId, DateTimeOffset deadline, long secondsLeft);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Own validator {ValidatorId} of megapool {Megapool} is exiting and not reported: report it before {Deadline:u} ({SecondsLeft} s of chain time left), or the report is late and the megapool's debt takes the late fine (this keeper reports it itself as soon as it can prove it)")]
    private static partial void LogNotifyDue(ILogger logger, string megapool, uint validatorId, DateTimeOffset deadline, long secondsLeft);
}
