using Microsoft.Extensions.Logging;

namespace Keeper.Chain.Logs;

/// <content>Logging for <see cref="ChainFollower"/>.</content>
public sealed partial class ChainFollower
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Reorg: {Depth} block(s) dropped back to common ancestor {AncestorNumber} ({AncestorHash})")]
    private static partial void LogReorg(ILogger logger, int depth, ulong ancestorNumber, string ancestorHash);

}
