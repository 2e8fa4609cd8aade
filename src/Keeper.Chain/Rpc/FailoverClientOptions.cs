namespace Keeper.Chain.Rpc;

/// <summary>
/// Settings of a <see cref="FailoverClient"/>: the node endpoints, the deadline of one attempt, the hedge delay, the
/// retry budget and the backoff between retries. <see cref="Validate"/> checks them; the client calls it when it is created.
/// </summary>
public sealed record FailoverClientOptions
{
    /// <summary>The default <see cref="MaxResponseBytes"/>: 64 MiB, far above any sane node answer.</summary>
    public const long DefaultMaxResponseBytes = 64L * 1024 * 1024;

    // Long enough for a slow eth_getLogs over a wide range, short enough that a typo (hours for seconds) is caught.
    private static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);

    /// <summary>
    /// The node endpoints, http or https, in order of preference. A call starts at the endpoint that last answered
    /// and moves to the next one (round-robin) after a transport failure. Credentials in the URL (user-info, API-key
    /// paths or query strings) are never written to exceptions or logs.
    /// </summary>
    public required IReadOnlyList<Uri> Endpoints { get; init; }

    /// <summary>
    /// The deadline of one attempt (connect, send, read the whole response) on one endpoint; an endpoint that has not
    /// answered by then is abandoned for the next. Default 2 seconds: well under a 12-second slot, so a hung node costs
    /// a fraction of a block, not the block.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// When more than one endpoint is configured, a read not answered within this delay is also sent to the next
    /// endpoint, and the first answer wins. Null turns hedging off. Sends (<c>eth_sendRawTransaction</c>) are never
    /// hedged. Default 500 ms.
    /// </summary>
    public TimeSpan? HedgeDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Total attempts per call, across all endpoints, including the first one. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>
    /// The wait before the first retry of an endpoint already tried in the same call; trying an endpoint for the
    /// first time in a call does not wait. Default 250 ms. Zero disables backoff.
    /// </summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between attempts, also the cap on a node's <c>Retry-After</c>. Default 10 seconds.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The factor by which each successive backoff grows. Default 2.</summary>
    public double BackoffMultiplier { get; init; } = 2;

    /// <summary>
    /// The largest response body read, in bytes (after decompression). A longer body fails the attempt, so a
    /// hostile or broken endpoint cannot exhaust memory. Default <see cref="DefaultMaxResponseBytes"/>.
    /// </summary>
    public long MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    /// <summary>
    /// JSON-RPC error codes that mean "rate limited, try later" rather than a real answer; a response carrying one is
    /// retried like HTTP 429. Default: -32005 (EIP-1474 "limit exceeded").
    /// </summary>
    public IReadOnlyList<int> RetryableErrorCodes { get; init; } = [-32005];

    /// <summary>Checks every setting and throws on the first one that is wrong.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it and says what is allowed.</exception>
    public void Validate()
    {
        if (Endpoints is null || Endpoints.Count == 0)
        {
            throw new ArgumentException(
                "FailoverClientOptions.Endpoints is empty: configure at least one node URL, such as http://127.0.0.1:8545.",
                nameof(Endpoints));
        }

        for (var i = 0; i < Endpoints.Count; i++)
        {
            if (EndpointProblem(i, Endpoints[i]) is { } problem)
            {
                throw new ArgumentException(problem, nameof(Endpoints));
            }
        }

        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > MaxDuration)
        {
            throw new ArgumentOutOfRangeException(
                nameof(RequestTimeout), RequestTimeout, $"FailoverClientOptions.RequestTimeout must be above zero and at most {MaxDuration}.");
        }

        if (HedgeDelay is { } hedge && (hedge <= TimeSpan.Zero || hedge > MaxDuration))
        {
            throw new ArgumentOutOfRangeException(
                nameof(HedgeDelay), hedge, $"FailoverClientOptions.HedgeDelay must be above zero and at most {MaxDuration}, or null to turn hedging off.");
        }

        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxAttempts), MaxAttempts, "FailoverClientOptions.MaxAttempts must be at least 1: it counts every attempt of a call, the first included.");
        }

        if (InitialBackoff < TimeSpan.Zero || InitialBackoff > MaxBackoff)
        {
            throw new ArgumentOutOfRangeException(
                nameof(InitialBackoff), InitialBackoff, $"FailoverClientOptions.InitialBackoff must be between zero and MaxBackoff ({MaxBackoff}).");
        }

        if (MaxBackoff < TimeSpan.Zero || MaxBackoff > MaxDuration)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxBackoff), MaxBackoff, $"FailoverClientOptions.MaxBackoff must be between zero and {MaxDuration}.");
        }

        if (!double.IsFinite(BackoffMultiplier) || BackoffMultiplier < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(BackoffMultiplier), BackoffMultiplier, "FailoverClientOptions.BackoffMultiplier must be a finite number of at least 1 (1 keeps the backoff constant).");
        }

        if (MaxResponseBytes < 1 || MaxResponseBytes > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxResponseBytes), MaxResponseBytes, $"FailoverClientOptions.MaxResponseBytes must be between 1 and {Array.MaxLength}.");
        }

        if (RetryableErrorCodes is null)
        {
            throw new ArgumentException("FailoverClientOptions.RetryableErrorCodes is null: use an empty list to retry no node error.", nameof(RetryableErrorCodes));
        }
    }

    private static string? EndpointProblem(int index, Uri? endpoint)
    {
        if (endpoint is null)
        {
            return $"FailoverClientOptions.Endpoints[{index}] is null: remove it or give a node URL.";
        }

        if (!endpoint.IsAbsoluteUri)
        {
            return $"FailoverClientOptions.Endpoints[{index}] is a relative URL: give an absolute http or https URL, such as http://127.0.0.1:8545.";
        }

        if (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
        {
            return $"FailoverClientOptions.Endpoints[{index}] ({RpcEndpoint.Redact(endpoint)}) uses the scheme '{endpoint.Scheme}': only http and https are supported.";
        }

        return null;
    }
}
