using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Runtime;

/// <summary>The cell's log events.</summary>
internal sealed partial class ActorCell
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "Actor {Path} failed while processing {MessageType}")]
    private static partial void LogActorFailed(ILogger logger, ActorPath path, string messageType, Exception exception);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Supervisor {Supervisor} decided {Directive} for {Child} after {ExceptionType}")]
    private static partial void LogDecision(ILogger logger, ActorPath supervisor, ActorPath child, Directive directive, string exceptionType);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Supervisor {Supervisor} restarts {Child} (restart {Restart} in the window) after {Delay}")]
    private static partial void LogRestarting(ILogger logger, ActorPath supervisor, ActorPath child, int restart, TimeSpan delay);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Stopping {Child}: it failed again after {Restarts} restarts, the limit is {MaxRetries} within {Window}")]
    private static partial void LogRetryLimitExceeded(ILogger logger, ActorPath child, int restarts, int maxRetries, TimeSpan window);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Actor {Path} restarted")]
    private static partial void LogActorRestarted(ILogger logger, ActorPath path);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug, Message = "Actor {Path} stopped")]
    private static partial void LogActorStopped(ILogger logger, ActorPath path);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "Actor {Path}: {Hook} threw")]
    private static partial void LogHookFailed(ILogger logger, ActorPath path, string hook, Exception exception);

    [LoggerMessage(EventId = 107, Level = LogLevel.Debug, Message = "Actor {Path} did not handle {MessageType} from {Sender}")]
    private static partial void LogUnhandledMessage(ILogger logger, ActorPath path, string messageType, ActorPath sender);
}
