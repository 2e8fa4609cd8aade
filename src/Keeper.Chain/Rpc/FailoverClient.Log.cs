using Microsoft.Extensions.Logging;

namespace Keeper.Chain.Rpc;

public sealed partial class FailoverClient
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug,
        Message = "JSON-RPC {Call} attempt {Attempt}/{MaxAttempts} to endpoint {Endpoint} failed: {Reason}. Retrying the same endpoint in {DelayMs} ms.")]
    private static partial void LogRetrying(ILogger logger, string call, int attempt, int maxAttempts, string endpoint, string reason, long delayMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug,
        Message = "JSON-RPC {Call} attempt {Attempt}/{MaxAttempts} to endpoint {Endpoint} failed: {Reason}. Failing over to endpoint {NextEndpoint} in {DelayMs} ms.")]
    private static partial void LogFailingOver(
        ILogger logger, string call, int attempt, int maxAttempts, string endpoint, string reason, string nextEndpoint, long delayMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "JSON-RPC calls now start at endpoint {Endpoint}, the last one that answered.")]
    private static partial void LogEndpointPreferred(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug,
        Message = "JSON-RPC {Call} failed after {Attempts} attempts; the last, to endpoint {Endpoint}, failed: {Reason}.")]
    private static partial void LogCallFailed(ILogger logger, string call, int attempts, string endpoint, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information,
        Message = "JSON-RPC endpoint {Endpoint} has not answered within {HedgeMs} ms; asking endpoint {NextEndpoint} too, the first answer wins.")]
    private static partial void LogHedging(ILogger logger, string endpoint, long hedgeMs, string nextEndpoint);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
        Message = "JSON-RPC endpoint {Endpoint} stopped answering: {Reason}. Calls fail over to the other endpoints, if any; the next line about it says when it answers again.")]
    private static partial void LogEndpointFailing(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "JSON-RPC endpoint {Endpoint} answers again (it had failed since {Since:O}).")]
    private static partial void LogEndpointAnswersAgain(ILogger logger, string endpoint, DateTimeOffset since);
}
