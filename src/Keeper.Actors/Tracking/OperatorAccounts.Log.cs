using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Tracking;

/// <content>Logging for <see cref="OperatorAccounts"/>: one line when reads start failing and one when they work again.</content>
public sealed partial class OperatorAccounts
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not read the credit and debt of {Count} megapools at block {Block}: {Reason}. The last values read are kept and the read is tried again at the next head")]
    private static partial void LogReadFailed(ILogger logger, int count, ulong block, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Credit and debt read again at block {Block}")]
    private static partial void LogReadRecovered(ILogger logger, ulong block);
}
