namespace Keeper.Chain.Rpc;

/// <summary>How one attempt against one endpoint ended.</summary>
public enum RpcAttemptOutcome
{
    /// <summary>The endpoint answered (a node's error object is an answer too).</summary>
    Answered,

    /// <summary>No complete answer within the attempt's deadline.</summary>
    Timeout,

    /// <summary>The connection failed: refused, reset, DNS, TLS.</summary>
    Connection,

    /// <summary>An answer that is not one: HTTP 429 or 5xx, malformed or mismatched JSON, a "rate limited" error.</summary>
    BadAnswer,

    /// <summary>Any other failure of the attempt.</summary>
    Other,

    /// <summary>Given up before it ended: the caller canceled, or a hedge beside it won. Says nothing about the endpoint.</summary>
    Abandoned,
}
