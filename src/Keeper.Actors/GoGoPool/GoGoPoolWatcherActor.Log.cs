using Microsoft.Extensions.Logging;

namespace Keeper.Actors.GoGoPool;

/// <content>Logging for <see cref="GoGoPoolWatcherActor"/>: one line when polls start failing, one when they work again.</content>
public sealed partial class GoGoPoolWatcherActor
{
    [LoggerMessage(Level = LogLevel.Error, Message = "GoGoPool: {Reason} Starting over with a cold start.")]
    private static partial void LogDeepReorg(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the C-Chain for GoGoPool failed; retrying at every poll, and saying so once it works again: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Polling the C-Chain for GoGoPool failed again ({Count} in a row): {Reason}")]
    private static partial void LogPollStillFailing(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling the C-Chain for GoGoPool works again, after {Count} failed polls over {Seconds:0.#} s")]
    private static partial void LogPollWorksAgain(ILogger logger, int count, double seconds);
}
