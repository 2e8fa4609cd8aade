using Microsoft.Extensions.Logging;

namespace Keeper.Chain.Logs;

/// <content>Logging for <see cref="LogFetcher"/>.</content>
public sealed partial class LogFetcher
{
    [LoggerMessage(Level = LogLevel.Information, Message = "eth_getLogs range {From}-{To} refused as too large; splitting into halves of {Half} blocks ({Reason})")]
    private static partial void LogRangeSplit(ILogger logger, ulong from, ulong to, ulong half, string reason);
}
