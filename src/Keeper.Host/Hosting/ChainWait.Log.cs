using Microsoft.Extensions.Logging;

namespace Keeper.Host.Hosting;

public sealed partial class ChainWait
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The execution client does not answer: {Reason}. Waiting for it (trying again at least every {MaxPauseSeconds} s); /ready says not ready meanwhile.")]
    private static partial void LogWaiting(ILogger logger, string reason, long maxPauseSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Still waiting for the execution client after {Seconds} s: {Reason}")]
    private static partial void LogStillWaiting(ILogger logger, long seconds, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The execution client answers (chain {ChainId}) after {Seconds} s of waiting; starting.")]
    private static partial void LogAnswered(ILogger logger, ulong chainId, long seconds);
}
