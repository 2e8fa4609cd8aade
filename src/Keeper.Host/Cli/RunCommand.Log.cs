using Microsoft.Extensions.Logging;

namespace Keeper.Host.Cli;

/// <summary>Log messages of <see cref="RunCommand"/>.</summary>
public static partial class RunCommand
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Keeper could not start: {Reason}")]
    private static partial void LogCouldNotStart(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Keeper could not start its HTTP server on {Host}:{Port}: {Reason}")]
    private static partial void LogHttpCouldNotStart(ILogger logger, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Keeper stopped without being asked to: its actor system terminated or a service failed (see above)")]
    private static partial void LogStoppedOnItsOwn(ILogger logger);
}
