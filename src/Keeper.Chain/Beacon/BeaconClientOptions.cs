using Keeper.Chain.Rpc;

namespace Keeper.Chain.Beacon;

/// <summary>
/// Settings of a <see cref="BeaconClient"/>: the beacon node endpoints, the per-request timeout, the retry budget and
/// backoff (the same policy as <see cref="FailoverClientOptions"/>), how many validator ids go in one request, and
/// the largest answer read. <see cref="Validate"/> checks them; the client calls it when it is created.
/// </summary>
public sealed record BeaconClientOptions
{
    /// <summary>The default <see cref="MaxIdsPerGetRequest"/>: the beacon API's limit on the <c>id</c> query list.</summary>
    public const int DefaultMaxIdsPerGetRequest = 64;

    /// <summary>The default <see cref="MaxIdsPerPostRequest"/>.</summary>
    public const int DefaultMaxIdsPerPostRequest = 1000;

    /// <summary>The default <see cref="MaxResponseBytes"/>: 16 MiB, about 30 000 validators in one answer.</summary>
    public const long DefaultMaxResponseBytes = 16L * 1024 * 1024;

    /// <summary>
    /// The default <see cref="MaxSszResponseBytes"/>: 1 GiB. A mainnet state is about 250 MB in 2025 and grows with the
    /// validator set; a block is a few hundred kilobytes.
    /// </summary>
    public const long DefaultMaxSszResponseBytes = 1L << 30;

    private static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);

    /// <summary>
    /// The beacon node base URLs, http or https, in order of preference, such as <c>http://127.0.0.1:5052</c> or a
    /// provider URL with a key in its path. API paths are appended to the base path and the base query is kept. A
    /// call starts at the endpoint that last answered and moves round-robin to the next after a failure.
    /// Credentials in the URL (user-info, which is sent as Basic authorization; API keys in the path or query) never
    /// appear in exceptions or logs: endpoints are shown as <c>scheme://host:port</c>.
    /// </summary>
    public required IReadOnlyList<Uri> Endpoints { get; init; }

    /// <summary>How long one HTTP request (connect, send, read the whole answer) may take. Default 10 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Total attempts per call (or per chunk of validators), across all endpoints, the first included. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>
    /// The wait before the first retry of an endpoint already tried in the same call; the first try of each endpoint
    /// does not wait. Default 250 ms. Zero disables backoff.
    /// </summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between attempts, also the cap on a node's <c>Retry-After</c>. Default 10 seconds.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The factor by which each successive backoff grows. Default 2.</summary>
    public double BackoffMultiplier { get; init; } = 2;

    /// <summary>
    /// Whether validators are fetched with the POST variant of the validators endpoint, which takes long id lists
    /// in its body. An endpoint that answers the POST with 404, 405, 413 or 414 is asked with GET from then on.
    /// Default true.
    /// </summary>
    public bool UsePostForValidators { get; init; } = true;

    /// <summary>The most validator ids in one GET request (the API allows 64). Default <see cref="DefaultMaxIdsPerGetRequest"/>.</summary>
    public int MaxIdsPerGetRequest { get; init; } = DefaultMaxIdsPerGetRequest;

    /// <summary>The most validator ids in one POST request. Default <see cref="DefaultMaxIdsPerPostRequest"/>.</summary>
    public int MaxIdsPerPostRequest { get; init; } = DefaultMaxIdsPerPostRequest;

    /// <summary>
    /// The largest answer body read, in bytes (after decompression); a longer one fails the attempt, so a broken or
    /// hostile node cannot exhaust memory. Default <see cref="DefaultMaxResponseBytes"/>.
    /// </summary>
    public long MaxResponseBytes { get; init; } = DefaultMaxResponseBytes;

    /// <summary>
    /// The largest SSZ state or block body read, in bytes (after decompression), kept apart from
    /// <see cref="MaxResponseBytes"/> because a state is hundreds of megabytes while JSON answers are small. The whole
    /// object is held in memory, so this is also the most memory one download takes. Default
    /// <see cref="DefaultMaxSszResponseBytes"/>.
    /// </summary>
    public long MaxSszResponseBytes { get; init; } = DefaultMaxSszResponseBytes;

    /// <summary>
    /// How long one SSZ download (connect, send, read the whole state or block) may take, kept apart from
    /// <see cref="RequestTimeout"/>: a 250 MB state takes 20 seconds at 100 Mbit/s, and the node spends seconds
    /// serializing it first. Default 2 minutes.
    /// </summary>
    public TimeSpan SszRequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Checks every setting and throws on the first one that is wrong.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it and says what is allowed.</exception>
    public void Validate()
    {
        if (Endpoints is null || Endpoints.Count == 0)
        {
            throw new ArgumentException(
                "BeaconClientOptions.Endpoints is empty: configure at least one beacon node URL, such as http://127.0.0.1:5052.", nameof(Endpoints));
        }

        for (var i = 0; i < Endpoints.Count; i++)
        {
            if (EndpointProblem(i, Endpoints[i]) is { } problem)
            {
                throw new ArgumentException(problem, nameof(Endpoints));
            }
        }

        RequireRange(nameof(RequestTimeout), RequestTimeout, TimeSpan.Zero, MaxDuration, allowLow: false);
        RequireRange(nameof(SszRequestTimeout), SszRequestTimeout, TimeSpan.Zero, MaxDuration, allowLow: false);
        RequireRange(nameof(MaxBackoff), MaxBackoff, TimeSpan.Zero, MaxDuration, allowLow: true);
        RequireRange(nameof(InitialBackoff), InitialBackoff, TimeSpan.Zero, MaxBackoff, allowLow: true);
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxAttempts), MaxAttempts, "BeaconClientOptions.MaxAttempts must be at least 1: it counts every attempt, the first included.");
        }

        if (!double.IsFinite(BackoffMultiplier) || BackoffMultiplier < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(BackoffMultiplier), BackoffMultiplier, "BeaconClientOptions.BackoffMultiplier must be a finite number of at least 1 (1 keeps the backoff constant).");
        }

        if (MaxIdsPerGetRequest < 1 || MaxIdsPerGetRequest > DefaultMaxIdsPerGetRequest)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxIdsPerGetRequest), MaxIdsPerGetRequest, $"BeaconClientOptions.MaxIdsPerGetRequest must be between 1 and {DefaultMaxIdsPerGetRequest}, the beacon API's limit.");
        }

        if (MaxIdsPerPostRequest < 1 || MaxIdsPerPostRequest > 100_000)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxIdsPerPostRequest), MaxIdsPerPostRequest, "BeaconClientOptions.MaxIdsPerPostRequest must be between 1 and 100000.");
        }

        if (MaxResponseBytes < 1 || MaxResponseBytes > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxResponseBytes), MaxResponseBytes, $"BeaconClientOptions.MaxResponseBytes must be between 1 and {Array.MaxLength}.");
        }

        if (MaxSszResponseBytes < 1 || MaxSszResponseBytes > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxSszResponseBytes), MaxSszResponseBytes, $"BeaconClientOptions.MaxSszResponseBytes must be between 1 and {Array.MaxLength} (one .NET array holds the object).");
        }
    }

    private static void RequireRange(string name, TimeSpan value, TimeSpan low, TimeSpan high, bool allowLow)
    {
        if (value < low || (!allowLow && value == low) || value > high)
        {
            throw new ArgumentOutOfRangeException(
                name, value, $"BeaconClientOptions.{name} must be {(allowLow ? "at least" : "above")} {low} and at most {high}.");
        }
    }

    private static string? EndpointProblem(int index, Uri? endpoint)
    {
        if (endpoint is null)
        {
            return $"BeaconClientOptions.Endpoints[{index}] is null: remove it or give a beacon node URL.";
        }

        if (!endpoint.IsAbsoluteUri)
        {
            return $"BeaconClientOptions.Endpoints[{index}] is a relative URL: give an absolute http or https URL, such as http://127.0.0.1:5052.";
        }

        if (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
        {
            return $"BeaconClientOptions.Endpoints[{index}] ({RpcEndpoint.Redact(endpoint)}) uses the scheme '{endpoint.Scheme}': only http and https are supported.";
        }

        if (endpoint.Fragment.Length > 0)
        {
            return $"BeaconClientOptions.Endpoints[{index}] ({RpcEndpoint.Redact(endpoint)}) has a fragment (#...): remove it.";
        }

        return null;
    }
}
