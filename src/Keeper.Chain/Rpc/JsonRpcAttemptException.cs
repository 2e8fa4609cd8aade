namespace Keeper.Chain.Rpc;

/// <summary>
/// One attempt failed in a way that another attempt (on this or another endpoint) may not: the retry loop of
/// <see cref="FailoverClient"/> catches it and never lets it escape.
/// </summary>
internal sealed class JsonRpcAttemptException : Exception
{
    public JsonRpcAttemptException(string reason, Exception? innerException = null, DateTimeOffset? retryNotBefore = null)
        : base(reason, innerException)
    {
        RetryNotBefore = retryNotBefore;
    }

    /// <summary>When the endpoint asked not to be called again before (from a <c>Retry-After</c> header), or null.</summary>
    public DateTimeOffset? RetryNotBefore { get; }
}
