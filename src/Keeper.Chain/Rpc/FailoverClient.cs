using System.Globalization;
using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keeper.Chain.Rpc;

/// <summary>
/// The Nethereum <see cref="IClient"/> Keeper talks to Ethereum nodes through: one Nethereum <see cref="RpcClient"/> per
/// configured endpoint, behind Keeper's failover. Each attempt has a deadline (<see cref="FailoverClientOptions.RequestTimeout"/>);
/// a transport failure (connection error, deadline, HTTP 429 or 5xx, a malformed or mismatched answer, a "rate
/// limited" node error) moves the call to the next endpoint, round-robin from the one that last answered, with
/// exponential backoff once every endpoint was tried. A read not answered within <see cref="FailoverClientOptions.HedgeDelay"/>
/// is also sent to the next endpoint and the first answer wins; sends are never hedged. A node's error object is an
/// answer: it is never retried. Endpoint URLs appear in exceptions and logs only redacted. Each endpoint's health
/// (<see cref="EndpointStatus"/>) is kept from the client's own attempts, and an <see cref="IRpcObserver"/> hears every
/// attempt, so the node can report on its RPC without sending a request. Thread-safe.
/// </summary>
public sealed partial class FailoverClient : ClientBase, IDisposable
{
    /// <summary>The <see cref="JsonRpcException.Method"/> of a failed batch.</summary>
    public const string BatchMethod = "batch";

    // A signed transaction sent twice is harmless, but a send is not a read: one attempt at a time keeps it simple.
    private static readonly HashSet<string> NeverHedged = new(StringComparer.Ordinal) { "eth_sendRawTransaction", "eth_sendTransaction" };

    private readonly FailoverClientOptions _options;
    private readonly RpcEndpoint[] _endpoints;
    private readonly HttpClient[] _http;
    private readonly IClient[] _clients;
    private readonly HttpMessageHandler _handler;
    private readonly bool _ownsHandler;
    private readonly TimeProvider _time;
    private readonly ILogger<FailoverClient> _logger;
    private readonly EndpointRotation<JsonRpcAttemptException> _rotation;
    private readonly RpcEndpointHealth[] _health;
    private readonly IRpcObserver? _observer;
    private long _lastId;
    private long _requestCount;
    private long _errorCount;
    private long _batchCount;
    private int _disposed;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The endpoints, deadlines and retry settings; validated here.</param>
    /// <param name="handler">The HTTP handler (connection pool) under every endpoint, which the caller keeps owning; null creates (and disposes) one.</param>
    /// <param name="timeProvider">The clock for deadlines, hedging, backoff and <c>Retry-After</c>; null for the system clock.</param>
    /// <param name="logger">Receives retries, hedges, failovers and final failures; null for none.</param>
    /// <param name="observer">Hears every attempt as it ends (metrics); null for none.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public FailoverClient(
        FailoverClientOptions options, HttpMessageHandler? handler = null, TimeProvider? timeProvider = null, ILogger<FailoverClient>? logger = null,
        IRpcObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<FailoverClient>.Instance;
        _endpoints = options.Endpoints.Select((uri, index) => new RpcEndpoint(index, uri)).ToArray();
        _health = _endpoints.Select(e => new RpcEndpointHealth(e.Index, e.DisplayName, options.RequestTimeout)).ToArray();
        _observer = observer;
        _ownsHandler = handler is null;
        _handler = handler ?? NodeHttpClient.CreateHandler();

        // Nethereum's RpcClient sets the base address and credentials on the HttpClient it gets, so each endpoint has
        // its own, over the one shared connection pool. The attempt's deadline abandons a request; the HttpClient's
        // timeout, a little later, drops it for good.
        _http = _endpoints
            .Select(e => new HttpClient(new JsonRpcHttpHandler(_handler, options, _time), disposeHandler: false) { Timeout = options.RequestTimeout + TimeSpan.FromSeconds(1) })
            .ToArray();
        _clients = _endpoints.Select(e => (IClient)new RpcClient(e.RequestUri, _http[e.Index], e.Authorization)).ToArray();
        _rotation = new EndpointRotation<JsonRpcAttemptException>(
            _endpoints, options.MaxAttempts, options.InitialBackoff, options.BackoffMultiplier, options.MaxBackoff, _time, f => f.RetryNotBefore)
        {
            Failed = () => Interlocked.Increment(ref _errorCount),
            Preferred = endpoint => LogEndpointPreferred(_logger, endpoint.DisplayName),
            Hedged = (slow, next) => LogHedging(_logger, slow.DisplayName, (long)_options.HedgeDelay.GetValueOrDefault().TotalMilliseconds, next.DisplayName),
        };
    }

    /// <summary>The options the client was created with.</summary>
    public FailoverClientOptions Options => _options;

    /// <summary>HTTP requests sent (each attempt of a call or batch counts once, hedges included).</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    /// <summary>Attempts that failed with a transport failure (node error objects do not count: the node answered).</summary>
    public long ErrorCount => Interlocked.Read(ref _errorCount);

    /// <summary>HTTP requests sent that carried a batch (a subset of <see cref="RequestCount"/>).</summary>
    public long BatchCount => Interlocked.Read(ref _batchCount);

    /// <summary>The index in <see cref="FailoverClientOptions.Endpoints"/> of the endpoint the next call starts at: the last one that answered.</summary>
    public int PreferredEndpointIndex => _rotation.PreferredIndex;

    /// <summary>Each endpoint's health from the client's own attempts, in configured order; reading it sends nothing.</summary>
    public IReadOnlyList<RpcEndpointStatus> EndpointStatus()
    {
        var now = _time.GetUtcNow();
        return _health.Select(h => h.Status(now)).ToArray();
    }

    /// <summary>A fresh request id, unique within this process.</summary>
    public long NextId() => Interlocked.Increment(ref _lastId);

    /// <summary>Sends one request and decodes its result; <see cref="IClient.SendRequestAsync{T}(RpcRequest, string)"/> with cancellation.</summary>
    /// <exception cref="RpcResponseException">The node answered with an error object.</exception>
    /// <exception cref="JsonRpcTransportException">No endpoint answered within the attempts.</exception>
    public async Task<T> SendRequestAsync<T>(RpcRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await SendCoreAsync(new RpcRequestMessage(request.Id ?? NextId(), request.Method, request.RawParameters), cancellationToken).ConfigureAwait(false);
        HandleRpcError(response, request.Method);
        return DecodeResult<T>(response);
    }

    /// <summary>Sends a batch and fills in its items; <see cref="IClient.SendBatchRequestAsync"/> with cancellation.</summary>
    /// <exception cref="JsonRpcTransportException">The batch could not be delivered, or its answer was malformed, at every attempt.</exception>
    public async Task<RpcRequestResponseBatch> SendBatchRequestAsync(RpcRequestResponseBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.BatchItems.Count > 0)
        {
            batch.UpdateBatchItemResponses(await SendBatchCoreAsync(batch.GetRpcRequests(), cancellationToken).ConfigureAwait(false));
        }

        return batch;
    }

    /// <inheritdoc />
    public override Task<RpcRequestResponseBatch> SendBatchRequestAsync(RpcRequestResponseBatch rpcRequestResponseBatch) =>
        SendBatchRequestAsync(rpcRequestResponseBatch, CancellationToken.None);

    /// <inheritdoc />
    public override Task<RpcResponseMessage> SendAsync(RpcRequestMessage rpcRequestMessage, string? route = null) =>
        SendCoreAsync(rpcRequestMessage, CancellationToken.None);

    /// <summary>Disposes the endpoints' HTTP clients, and the handler if this client created it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var http in _http)
        {
            http.Dispose();
        }

        if (_ownsHandler)
        {
            _handler.Dispose();
        }
    }

    /// <inheritdoc />
    protected override Task<RpcResponseMessage[]> SendAsync(RpcRequestMessage[] requests) => SendBatchCoreAsync(requests, CancellationToken.None);

    private Task<RpcResponseMessage> SendCoreAsync(RpcRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Method);
        return RunAsync(request.Method, request.Method, NeverHedged.Contains(request.Method), false, client => client.SendAsync(request), cancellationToken);
    }

    private Task<RpcResponseMessage[]> SendBatchCoreAsync(RpcRequestMessage[] requests, CancellationToken cancellationToken)
    {
        var description = string.Create(
            CultureInfo.InvariantCulture, $"batch of {requests.Length} ({requests[0].Method}{(requests.Length > 1 ? ", ..." : string.Empty)})");
        return RunAsync(
            BatchMethod, description, requests.Any(r => NeverHedged.Contains(r.Method)), true, client => RawBatch.SendAsync(client, requests), cancellationToken);
    }

    private async Task<T> RunAsync<T>(
        string method, string call, bool isSend, bool isBatch, Func<IClient, Task<T>> send, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await _rotation.RunAsync(
                (endpoint, ct) => AttemptAsync(endpoint, method, isBatch, send, ct),
                (attempt, failed, next, delay, failure) => LogRetry(call, attempt, failed, next, delay, failure.Message),
                isSend ? null : _options.HedgeDelay,
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && e.CancellationToken != cancellationToken)
        {
            // Attempts see a token of their own (hedge losers are canceled with it); callers expect to see theirs.
            throw new OperationCanceledException(e.Message, e, cancellationToken);
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

    private async Task<T> AttemptAsync<T>(RpcEndpoint endpoint, string method, bool isBatch, Func<IClient, Task<T>> send, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requestCount);
        if (isBatch)
        {
            Interlocked.Increment(ref _batchCount);
        }

        var health = _health[endpoint.Index];
        var startedAt = _time.GetTimestamp();
        var attempt = health.Started(_time.GetUtcNow());
        var outcome = RpcAttemptOutcome.Abandoned;
        string? failure = null;
        try
        {
            // Nethereum's client takes no cancellation token: the deadline and the caller's token abandon the wait,
            // and the endpoint's HttpClient timeout ends the request itself.
            var result = await send(_clients[endpoint.Index]).WaitAsync(_options.RequestTimeout, _time, cancellationToken).ConfigureAwait(false);
            outcome = RpcAttemptOutcome.Answered;
            return result;
        }
        catch (TimeoutException e)
        {
            outcome = RpcAttemptOutcome.Timeout;
            failure = string.Create(CultureInfo.InvariantCulture, $"no complete response within {_options.RequestTimeout.TotalMilliseconds} ms (RequestTimeout)");
            throw new JsonRpcAttemptException(failure, e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outcome = OutcomeOf(e);
            var error = AttemptFailure.From(endpoint, e);
            failure = error.Message;
            throw error;
        }
        finally
        {
            // One line when the endpoint starts failing and one when it answers again; each attempt's failure is at debug level.
            switch (health.Ended(attempt, outcome, _time.GetUtcNow()))
            {
                case (true, _):
                    LogEndpointFailing(_logger, endpoint.DisplayName, failure ?? outcome.ToString());
                    break;
                case (false, var since):
                    LogEndpointAnswersAgain(_logger, endpoint.DisplayName, since);
                    break;
            }

            _observer?.Attempted(new RpcAttempt(endpoint.Index, endpoint.DisplayName, method, _time.GetElapsedTime(startedAt), outcome));
        }
    }

    // The kind of failure, for metrics: the first cause in the chain that names one.
    private static RpcAttemptOutcome OutcomeOf(Exception thrown)
    {
        for (var e = thrown; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case JsonRpcAttemptException:
                case Newtonsoft.Json.JsonException:
                case RpcResponseFormatException:
                case FormatException:
                    return RpcAttemptOutcome.BadAnswer;
                case HttpRequestException:
                case IOException:
                    return RpcAttemptOutcome.Connection;
                case OperationCanceledException:
                case RpcClientTimeoutException:
                    return RpcAttemptOutcome.Timeout;
            }
        }

        return RpcAttemptOutcome.Other;
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
