using Microsoft.Extensions.Logging;

namespace Keeper.Host.Hosting;

/// <summary>Log messages of <see cref="StatusFileWriter"/>.</summary>
public sealed partial class StatusFileWriter
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the status file {Path}: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, string path, string reason);
}
