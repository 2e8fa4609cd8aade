using System.Globalization;
using System.Text.Json;
using Keeper.Chain.Rpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keeper.Chain.Beacon;

/// <summary>
/// A client of the standard Ethereum beacon node REST API (ethereum/beacon-APIs), for the few reads Keeper needs.
/// Each call is retried on connection errors, per-request timeouts, HTTP 429, 5xx, 401 and 403 and malformed
/// answers, with exponential backoff and <c>Retry-After</c>, failing over round-robin across the configured
/// endpoints and starting at the one that last answered (the policy of <see cref="FailoverClient"/>). A definitive
/// refusal (400, 404 for an unknown state or block, 414) is thrown at once. Answers are parsed strictly: a missing
/// or malformed field is never replaced by a default. SSZ states and blocks (for proofs) are downloaded under their own
/// size cap and timeout, with the same retries and failover. Endpoint URLs appear in exceptions and logs only as
/// <c>scheme://host:port</c>. Thread-safe.
/// </summary>
public sealed partial class BeaconClient : IBeaconClient, IDisposable
{
    private const string GenesisPath = "/eth/v1/beacon/genesis";
    private const string SpecPath = "/eth/v1/config/spec";

    // Shallow: no answer the client reads nests deeply, so a deep one is hostile or broken.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    private readonly BeaconClientOptions _options;
    private readonly RpcEndpoint[] _endpoints;
    private readonly int[] _postUnsupported;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly ILogger<BeaconClient> _logger;
    private readonly EndpointRotation<BeaconAttemptException> _rotation;
    private long _requestCount;
    private long _errorCount;
    private int _disposed;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The endpoints and retry settings; validated here.</param>
    /// <param name="httpClient">
    /// The HTTP client to send with, which the caller keeps owning; null creates (and disposes) one. Its own
    /// <see cref="HttpClient.Timeout"/> should be longer than <see cref="BeaconClientOptions.RequestTimeout"/>.
    /// </param>
    /// <param name="timeProvider">The clock for backoff, <c>Retry-After</c> and request timeouts; null for the system clock.</param>
    /// <param name="logger">Receives retries, failovers, fallbacks and final failures; null for none.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public BeaconClient(
        BeaconClientOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, ILogger<BeaconClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _endpoints = options.Endpoints.Select((uri, index) => new RpcEndpoint(index, uri)).ToArray();
        _postUnsupported = new int[_endpoints.Length];
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<BeaconClient>.Instance;
        _rotation = new EndpointRotation<BeaconAttemptException>(
            _endpoints, options.MaxAttempts, options.InitialBackoff, options.BackoffMultiplier, options.MaxBackoff, _time, f => f.RetryNotBefore, f => f.IsFinal)
        {
            Failed = () => Interlocked.Increment(ref _errorCount),
            Preferred = endpoint => LogEndpointPreferred(_logger, endpoint.DisplayName),
        };
        _ownsHttp = httpClient is null;
        _http = httpClient ?? NodeHttpClient.Create();
    }

    /// <summary>The options the client was created with.</summary>
    public BeaconClientOptions Options => _options;

    /// <summary>HTTP requests sent (every request of every attempt counts once).</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    /// <summary>Attempts that failed and were retried or ended the call.</summary>
    public long ErrorCount => Interlocked.Read(ref _errorCount);

    /// <summary>The index in <see cref="BeaconClientOptions.Endpoints"/> of the endpoint the next call starts at: the last one that answered.</summary>
    public int PreferredEndpointIndex => _rotation.PreferredIndex;

    /// <inheritdoc />
    public Task<BeaconGenesis> GetGenesisAsync(CancellationToken cancellationToken) =>
        GetAsync(GenesisPath, BeaconResponseReader.ReadGenesis, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// A node that leaves out <c>SECONDS_PER_SLOT</c> (and <c>SLOT_DURATION_MS</c>) or <c>SLOTS_PER_EPOCH</c> gets the
    /// <see cref="BeaconSpec.MainnetDefaults"/> value for it, with a warning in the log; a value that is present but
    /// zero or not a decimal string is a malformed answer.
    /// </remarks>
    public async Task<BeaconSpec> GetSpecAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> defaulted = [];
        var spec = await GetAsync(SpecPath, root => BeaconResponseReader.ReadSpec(root, out defaulted), cancellationToken).ConfigureAwait(false);
        if (defaulted.Count > 0)
        {
            LogSpecDefaulted(_logger, string.Join(", ", defaulted), spec.SecondsPerSlot, spec.SlotsPerEpoch);
        }

        return spec;
    }

    /// <inheritdoc />
    public Task<BeaconHeader> GetHeaderAsync(string blockId, CancellationToken cancellationToken)
    {
        if (!BeaconUrl.IsValidStateOrBlockId(blockId, allowJustified: false))
        {
            throw new ArgumentException(
                $"'{blockId}' is not a block id: use head, genesis, finalized, a decimal slot or 0x and a 64-digit hex block root.", nameof(blockId));
        }

        return GetAsync($"/eth/v1/beacon/headers/{blockId}", BeaconResponseReader.ReadHeader, cancellationToken);
    }

    /// <summary>Gets the slot of the node's head block.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="BeaconApiException">No valid answer within the retry budget, or the node refused.</exception>
    public async Task<ulong> GetHeadSlotAsync(CancellationToken cancellationToken) =>
        (await GetHeaderAsync("head", cancellationToken).ConfigureAwait(false)).Slot;

    /// <summary>Disposes the HTTP client if this client created it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttp)
        {
            _http.Dispose();
        }
    }

    private Task<T> GetAsync<T>(string path, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        return ExecuteAsync(path, $"GET {path}", async (endpoint, token) =>
        {
            using var answer = await SendOnceAsync(endpoint, HttpMethod.Get, path, null, null, token).ConfigureAwait(false);
            return answer.Document is not null ? Read(answer, read) : throw Refusal(answer);
        }, cancellationToken);
    }

    // Reading happens after the status is known; a malformed answer carries it for the final exception.
    private static T Read<T>(BeaconAnswer answer, Func<JsonElement, T> read)
    {
        try
        {
            return read(answer.Document!.RootElement);
        }
        catch (BeaconAttemptException e) when (e.StatusCode is null)
        {
            throw new BeaconAttemptException(e.Kind, e.Message, e.Field, answer.Status, e.RetryNotBefore, e.InnerException);
        }
    }

    private static BeaconAttemptException Refusal(BeaconAnswer answer) =>
        new(
            BeaconFailureKind.Refused,
            string.Create(CultureInfo.InvariantCulture, $"HTTP {answer.Status}{(answer.NodeMessage is { } m ? $": {m}" : string.Empty)}"),
            statusCode: answer.Status);
}
