using Microsoft.Extensions.Logging;

namespace Keeper.Actors.GoGoPool;

/// <content>Logging for <see cref="GoGoPoolWatcherActor"/> (its polls' failures and recoveries are <see cref="Tracking.PollStreak"/>'s).</content>
public sealed partial class GoGoPoolWatcherActor
{
    [LoggerMessage(Level = LogLevel.Error, Message = "GoGoPool: {Reason} Starting over with a cold start.")]
    private static partial void LogDeepReorg(ILogger logger, string reason);
}
