using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Keeper.Chain.Rpc.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keeper.Chain.Rpc;

/// <summary>
/// The JSON-RPC 2.0 client over HTTP that Keeper uses to talk to Ethereum nodes. Each call is retried on transport
/// failures (connection errors, per-attempt timeouts, HTTP 429 and 5xx, malformed or mismatched responses, "rate
/// limited" node errors) with exponential backoff, failing over round-robin across the configured endpoints and
/// starting at the endpoint that last answered. A node's error object is never retried: it is thrown at once as a
/// <see cref="JsonRpcNodeException"/>. Endpoint URLs appear in exceptions and logs only redacted. Thread-safe.
/// </summary>
public sealed partial class JsonRpcClient : IJsonRpcClient, IDisposable
{
    /// <summary>The <see cref="JsonRpcException.Method"/> of a failed batch.</summary>
    public const string BatchMethod = "batch";

    // Deep enough for nested call traces, shallow enough to bound the parser's work on hostile input.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    private readonly JsonRpcClientOptions _options;
    private readonly RpcEndpoint[] _endpoints;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly ILogger<JsonRpcClient> _logger;
    private readonly JsonRpcResponseReader _reader;
    private long _lastId;
    private readonly EndpointRotation<JsonRpcAttemptException> _rotation;
    private long _requestCount;
    private long _errorCount;
    private long _batchCount;
    private int _disposed;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The endpoints and retry settings; validated here.</param>
    /// <param name="httpClient">
    /// The HTTP client to send with, which the caller keeps owning; null creates (and disposes) one. Its own
    /// <see cref="HttpClient.Timeout"/> should be longer than <see cref="JsonRpcClientOptions.RequestTimeout"/>.
    /// </param>
    /// <param name="timeProvider">The clock for backoff, <c>Retry-After</c> and per-attempt timeouts; null for the system clock.</param>
    /// <param name="logger">Receives retries, failovers and final failures; null for none.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public JsonRpcClient(
        JsonRpcClientOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, ILogger<JsonRpcClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _endpoints = options.Endpoints.Select((uri, index) => new RpcEndpoint(index, uri)).ToArray();
        _reader = new JsonRpcResponseReader(options.RetryableErrorCodes);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<JsonRpcClient>.Instance;
        _rotation = new EndpointRotation<JsonRpcAttemptException>(
            _endpoints, options.MaxAttempts, options.InitialBackoff, options.BackoffMultiplier, options.MaxBackoff, _time, f => f.RetryNotBefore)
        {
            Failed = () => Interlocked.Increment(ref _errorCount),
            Preferred = endpoint => LogEndpointPreferred(_logger, endpoint.DisplayName),
        };
        _ownsHttp = httpClient is null;
        _http = httpClient ?? NodeHttpClient.Create();
    }

    /// <summary>The options the client was created with.</summary>
    public JsonRpcClientOptions Options => _options;

    /// <summary>HTTP requests sent (each attempt of a call or batch counts once).</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    /// <summary>Attempts that failed with a transport failure (node error objects do not count: the node answered).</summary>
    public long ErrorCount => Interlocked.Read(ref _errorCount);

    /// <summary>HTTP requests sent that carried a batch (a subset of <see cref="RequestCount"/>).</summary>
    public long BatchCount => Interlocked.Read(ref _batchCount);

    /// <summary>The index in <see cref="JsonRpcClientOptions.Endpoints"/> of the endpoint the next call starts at: the last one that answered.</summary>
    public int PreferredEndpointIndex => _rotation.PreferredIndex;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The method is empty or a parameter cannot be serialized.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<JsonElement> SendAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(parameters);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();

        var id = Interlocked.Increment(ref _lastId);
        var body = JsonRpcRequestWriter.WriteCall(id, method, parameters);
        var response = await SendWithRetryAsync(method, method, body, false, root => _reader.ReadSingle(root, id, method), cancellationToken)
            .ConfigureAwait(false);
        return response.GetResultOrThrow();
    }

    /// <inheritdoc />
    /// <remarks>
    /// An empty batch returns an empty list without a request. The calls get consecutive ids and the answers are
    /// matched by id. A response that is not an array, lacks an answer, repeats or invents an id, or has an entry
    /// with neither result nor error fails the attempt, which is retried like any transport failure. So does an
    /// entry with a "rate limited" error code: the whole batch is sent again.
    /// </remarks>
    /// <exception cref="ArgumentException">A request is null, has no method, or a parameter cannot be serialized.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<IReadOnlyList<JsonRpcResponse>> SendBatchAsync(IReadOnlyList<JsonRpcRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        for (var i = 0; i < requests.Count; i++)
        {
            if (requests[i] is not { } request || string.IsNullOrWhiteSpace(request.Method) || request.Parameters is null)
            {
                throw new ArgumentException($"Batch request {i} is null or has no method or parameter list.", nameof(requests));
            }
        }

        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (requests.Count == 0)
        {
            return [];
        }

        var firstId = Interlocked.Add(ref _lastId, requests.Count) - requests.Count + 1;
        var body = JsonRpcRequestWriter.WriteBatch(firstId, requests);
        var description = string.Create(CultureInfo.InvariantCulture, $"batch of {requests.Count} ({requests[0].Method}{(requests.Count > 1 ? ", ..." : string.Empty)})");
        return await SendWithRetryAsync(BatchMethod, description, body, true, root => _reader.ReadBatch(root, firstId, requests), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Disposes the HTTP client if this client created it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<T> SendWithRetryAsync<T>(
        string method, string call, byte[] body, bool isBatch, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        try
        {
            return await _rotation.RunAsync(
                (endpoint, ct) => AttemptAsync(endpoint, body, isBatch, read, ct),
                (attempt, failed, next, delay, failure) => LogRetry(call, attempt, failed, next, delay, failure.Message),
                cancellationToken).ConfigureAwait(false);
        }
        catch (RotationExhaustedException<JsonRpcAttemptException> exhausted)
        {
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"{call} failed after {exhausted.Attempts} attempt{(exhausted.Attempts == 1 ? string.Empty : "s")} across {_endpoints.Length} endpoint{(_endpoints.Length == 1 ? string.Empty : "s")}; the last, to endpoint {exhausted.LastEndpoint}, failed: {exhausted.LastFailure.Message}.");
            LogCallFailed(_logger, call, exhausted.Attempts, exhausted.LastEndpoint.DisplayName, exhausted.LastFailure.Message);
            throw new JsonRpcTransportException(method, message, exhausted.Attempts, exhausted.LastFailure.InnerException);
        }
    }

    private async Task<T> AttemptAsync<T>(RpcEndpoint endpoint, byte[] body, bool isBatch, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.RequestUri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Authorization = endpoint.Authorization;

            Interlocked.Increment(ref _requestCount);
            if (isBatch)
            {
                Interlocked.Increment(ref _batchCount);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return await ReadResponseAsync(response, read, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            // The HTTP stack reports the linked token; callers expect to see their own.
            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new JsonRpcAttemptException(
                string.Create(CultureInfo.InvariantCulture, $"no complete response within {_options.RequestTimeout.TotalMilliseconds} ms (RequestTimeout)"), e);
        }
        catch (OperationCanceledException e)
        {
            throw new JsonRpcAttemptException($"the HTTP client gave up (its own Timeout): {endpoint.Scrub(e.Message)}", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new JsonRpcAttemptException($"connection error: {endpoint.Scrub(e.Message)}", e);
        }
    }

    private async Task<T> ReadResponseAsync<T>(HttpResponseMessage response, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var statusText = string.Create(CultureInfo.InvariantCulture, $"HTTP {status} {response.ReasonPhrase}");
        if (RetryBackoff.IsRetryableStatus(response.StatusCode))
        {
            throw new JsonRpcAttemptException(statusText, null, RetryBackoff.RetryNotBefore(response.Headers, _time.GetUtcNow()));
        }

        var body = await BoundedContentReader.ReadAsync(response.Content, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        var success = response.IsSuccessStatusCode;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new JsonRpcAttemptException(success ? $"malformed JSON in the response: {e.Message}" : $"{statusText} with a body that is not JSON", e);
        }

        // Some nodes send their JSON-RPC error objects with a 4xx status; those are answers like any other.
        using (document)
        {
            try
            {
                return read(document.RootElement);
            }
            catch (JsonRpcAttemptException e) when (!success)
            {
                throw new JsonRpcAttemptException($"{statusText}: {e.Message}", e.InnerException, e.RetryNotBefore);
            }
        }
    }

    private void LogRetry(string call, int attempt, RpcEndpoint failed, RpcEndpoint next, TimeSpan delay, string reason)
    {
        if (next == failed)
        {
            LogRetrying(_logger, call, attempt, _options.MaxAttempts, failed.DisplayName, reason, (long)delay.TotalMilliseconds);
        }
        else
        {
            LogFailingOver(_logger, call, attempt, _options.MaxAttempts, failed.DisplayName, reason, next.DisplayName, (long)delay.TotalMilliseconds);
        }
    }
}
