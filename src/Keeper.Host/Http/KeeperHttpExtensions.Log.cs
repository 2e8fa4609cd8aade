using Microsoft.Extensions.Logging;

namespace Keeper.Host.Http;

/// <summary>Log messages of <see cref="KeeperHttpExtensions"/>.</summary>
public static partial class KeeperHttpExtensions
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Status API, metrics and dashboard at {Url} (bound to {Binding})")]
    private static partial void LogListening(ILogger logger, string url, string binding);
}
