using Nethereum.JsonRpc.Client;

namespace Keeper.Chain.Rpc;

/// <summary>Turns what one endpoint's Nethereum client threw into the failure of that attempt, its URL redacted.</summary>
internal static class AttemptFailure
{
    public static Exception From(RpcEndpoint endpoint, Exception thrown)
    {
        for (var e = thrown; e is not null; e = e.InnerException)
        {
            if (e is JsonRpcAttemptException attempt)
            {
                return new JsonRpcAttemptException(endpoint.Scrub(attempt.Message), attempt.InnerException, attempt.RetryNotBefore);
            }
        }

        var cause = thrown is RpcClientUnknownException or RpcClientTimeoutException && thrown.InnerException is { } inner ? inner : thrown;
        return cause switch
        {
            HttpRequestException or IOException => new JsonRpcAttemptException($"connection error: {endpoint.Scrub(cause.Message)}", cause),
            OperationCanceledException or RpcClientTimeoutException => new JsonRpcAttemptException($"the HTTP client gave up: {endpoint.Scrub(cause.Message)}", cause),
            Newtonsoft.Json.JsonException or RpcResponseFormatException or FormatException =>
                new JsonRpcAttemptException($"malformed response: {endpoint.Scrub(cause.Message)}", cause),
            RpcClientUnknownException => new JsonRpcAttemptException($"request failed: {endpoint.Scrub(cause.Message)}", cause),
            _ => thrown,
        };
    }
}
