using Microsoft.Extensions.Logging;

namespace Keeper.Chain.Beacon;

public sealed partial class BeaconClient
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Beacon {Call} attempt {Attempt}/{MaxAttempts} to endpoint {Endpoint} failed: {Reason}. Retrying the same endpoint in {DelayMs} ms.")]
    private static partial void LogRetrying(ILogger logger, string call, int attempt, int maxAttempts, string endpoint, string reason, long delayMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Beacon {Call} attempt {Attempt}/{MaxAttempts} to endpoint {Endpoint} failed: {Reason}. Failing over to endpoint {NextEndpoint} in {DelayMs} ms.")]
    private static partial void LogFailingOver(
        ILogger logger, string call, int attempt, int maxAttempts, string endpoint, string reason, string nextEndpoint, long delayMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Beacon calls now start at endpoint {Endpoint}, the last one that answered.")]
    private static partial void LogEndpointPreferred(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Beacon {Call} failed after {Attempts} attempts; the last, to endpoint {Endpoint}, failed: {Reason}.")]
    private static partial void LogCallFailed(ILogger logger, string call, int attempts, string endpoint, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information,
        Message = "Beacon endpoint {Endpoint} answered POST validators with HTTP {Status}; asking it with GET in chunks of {ChunkSize} from now on.")]
    private static partial void LogPostUnsupported(ILogger logger, string endpoint, int status, int chunkSize);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
        Message = "The beacon node's spec has no {Keys}; using the mainnet defaults: {SecondsPerSlot} s per slot, {SlotsPerEpoch} slots per epoch.")]
    private static partial void LogSpecDefaulted(ILogger logger, string keys, ulong secondsPerSlot, ulong slotsPerEpoch);
}
