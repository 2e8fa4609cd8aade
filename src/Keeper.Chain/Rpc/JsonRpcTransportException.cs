namespace Keeper.Chain.Rpc;

/// <summary>
/// No endpoint gave a valid JSON-RPC response within the retry budget: connection failures, timeouts,
/// HTTP 429 or 5xx, malformed JSON, or responses that do not match the request ids.
/// </summary>
public sealed class JsonRpcTransportException : JsonRpcException
{
    /// <summary>Creates the exception.</summary>
    public JsonRpcTransportException(string method, string message, int attempts, Exception? innerException = null)
        : base(method, message, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>How many attempts were made across all endpoints.</summary>
    public int Attempts { get; }
}
