using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Runtime;

/// <summary>The system's log events.</summary>
public sealed partial class ActorSystem
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Dead letter {Count}: {MessageType} from {Sender} to {Recipient} was not delivered")]
    private static partial void LogDeadLetterCore(ILogger logger, long count, string messageType, ActorPath sender, ActorPath recipient);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Limit} dead letters logged; further dead letters are only counted")]
    private static partial void LogDeadLettersNoLongerLogged(ILogger logger, int limit);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Actor system {System} terminated")]
    private static partial void LogTerminated(ILogger logger, string system);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Actor system {System} did not stop within {Timeout}; still stopping: {Actors}")]
    private static partial void LogShutdownTimedOut(ILogger logger, string system, TimeSpan timeout, string actors);

    private static void LogDeadLetter(ILogger logger, string messageType, ActorPath sender, ActorPath recipient, long count) =>
        LogDeadLetterCore(logger, count, messageType, sender, recipient);
}
