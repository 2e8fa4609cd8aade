using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Keeper.Chain.Rpc;

namespace Keeper.Chain.Beacon;

public sealed partial class BeaconClient
{
    private const int MaxNodeMessageLength = 200;

    private async Task<T> ExecuteAsync<T>(
        string path, string call, Func<RpcEndpoint, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        try
        {
            return await _rotation.RunAsync(
                attempt,
                (attempts, failed, next, delay, failure) => LogRetry(call, attempts, failed, next, delay, failure.Message),
                cancellationToken).ConfigureAwait(false);
        }
        catch (RotationExhaustedException<BeaconAttemptException> exhausted)
        {
            var (attempts, lastEndpoint, lastFailure) = (exhausted.Attempts, exhausted.LastEndpoint, exhausted.LastFailure);
            var message = lastFailure.Kind == BeaconFailureKind.Unsupported
                ? $"{call} from endpoint {lastEndpoint} cannot be read: {lastFailure.Message}."
                : lastFailure.IsFinal
                ? $"{call} was refused by endpoint {lastEndpoint}: {lastFailure.Message}."
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"{call} failed after {attempts} attempt{(attempts == 1 ? string.Empty : "s")} across {_endpoints.Length} endpoint{(_endpoints.Length == 1 ? string.Empty : "s")}; the last, to endpoint {lastEndpoint}, failed: {lastFailure.Message}.");
            LogCallFailed(_logger, call, attempts, lastEndpoint.DisplayName, lastFailure.Message);
            throw new BeaconApiException(lastFailure.Kind, path, message, attempts, lastFailure.Field, lastFailure.StatusCode, lastFailure.InnerException);
        }
    }

    /// <summary>
    /// Sends one request. Returns the parsed body of a 2xx answer, or the status and node message of any other 4xx
    /// for the caller to judge; throws a retryable failure for everything an endpoint might do better next time
    /// (connection errors, timeouts, 429, 5xx, 401, 403, redirects, oversized or non-JSON bodies).
    /// </summary>
    private Task<BeaconAnswer> SendOnceAsync(
        RpcEndpoint endpoint, HttpMethod method, string path, string? query, byte[]? body, CancellationToken cancellationToken) =>
        ExchangeAsync(
            endpoint,
            BeaconUrl.Build(endpoint.RequestUri, path, query),
            _options.RequestTimeout,
            nameof(BeaconClientOptions.RequestTimeout),
            request =>
            {
                request.Method = method;
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                }
            },
            ReadAnswerAsync,
            cancellationToken);

    /// <summary>
    /// One HTTP exchange under its own timeout: builds the request, sends it, and reads the answer with
    /// <paramref name="read"/>; connection errors and timeouts become retryable failures with the endpoint scrubbed.
    /// </summary>
    private async Task<T> ExchangeAsync<T>(
        RpcEndpoint endpoint,
        Uri uri,
        TimeSpan requestTimeout,
        string timeoutOption,
        Action<HttpRequestMessage> build,
        Func<RpcEndpoint, Uri, HttpResponseMessage, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(requestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = endpoint.Authorization;
            build(request);
            Interlocked.Increment(ref _requestCount);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return await read(endpoint, uri, response, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new BeaconAttemptException(
                BeaconFailureKind.Unavailable,
                string.Create(CultureInfo.InvariantCulture, $"no complete answer within {requestTimeout.TotalMilliseconds} ms ({timeoutOption})"),
                innerException: e);
        }
        catch (OperationCanceledException e)
        {
            throw new BeaconAttemptException(
                BeaconFailureKind.Unavailable, $"the HTTP client gave up (its own Timeout): {Scrub(endpoint, uri, e.Message)}", innerException: e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new BeaconAttemptException(BeaconFailureKind.Unavailable, $"connection error: {Scrub(endpoint, uri, e.Message)}", innerException: e);
        }
    }

    private async Task<BeaconAnswer> ReadAnswerAsync(RpcEndpoint endpoint, Uri uri, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = ThrowIfEndpointFailed(response);
        var body = await ReadBoundedAsync(response, status, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return new BeaconAnswer(status, null, NodeMessage(endpoint, uri, body));
        }

        try
        {
            return new BeaconAnswer(status, JsonDocument.Parse(body, DocumentOptions), null);
        }
        catch (JsonException e)
        {
            throw new BeaconAttemptException(BeaconFailureKind.Malformed, $"malformed answer: the body is not JSON ({e.Message})", "$", status, innerException: e);
        }
    }

    /// <summary>
    /// Throws a retryable failure for an answer this endpoint might do better next time (429, 5xx, 401, 403, 407,
    /// 1xx, 3xx) and returns the status of any other.
    /// </summary>
    private int ThrowIfEndpointFailed(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var statusText = string.Create(CultureInfo.InvariantCulture, $"HTTP {status}");
        if (RetryBackoff.IsRetryableStatus(response.StatusCode))
        {
            throw new BeaconAttemptException(
                BeaconFailureKind.Unavailable, statusText, statusCode: status, retryNotBefore: RetryBackoff.RetryNotBefore(response.Headers, _time.GetUtcNow()));
        }

        // Bad credentials and redirects belong to this endpoint, not to the question: another endpoint may answer.
        if (status < 200 || (status >= 300 && status < 400) || status == 401 || status == 403 || status == 407)
        {
            throw new BeaconAttemptException(BeaconFailureKind.Unavailable, $"{statusText}: this endpoint does not serve the request", statusCode: status);
        }

        return status;
    }

    // JSON answers and error bodies are small; MaxResponseBytes bounds them.
    private async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(HttpResponseMessage response, int status, CancellationToken cancellationToken)
    {
        try
        {
            return await BoundedContentReader.ReadAsync(response.Content, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonRpcAttemptException e)
        {
            throw new BeaconAttemptException(BeaconFailureKind.Unavailable, e.Message, statusCode: status, innerException: e);
        }
    }

    // The beacon API's error body is {"code": ..., "message": "..."}; anything else is not worth showing.
    private static string? NodeMessage(RpcEndpoint endpoint, Uri uri, ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String)
            {
                var text = Scrub(endpoint, uri, message.GetString()!);
                return text.Length <= MaxNodeMessageLength ? text : text[..MaxNodeMessageLength] + "...";
            }
        }
        catch (JsonException)
        {
            // Not JSON: the status alone says enough.
        }

        return null;
    }

    // The request URL holds the endpoint's base path and query, so it is scrubbed as a whole as well as by parts.
    private static string Scrub(RpcEndpoint endpoint, Uri uri, string text) =>
        endpoint.Scrub(text
            .Replace(uri.AbsoluteUri, "[redacted]", StringComparison.OrdinalIgnoreCase)
            .Replace(uri.OriginalString, "[redacted]", StringComparison.OrdinalIgnoreCase)
            .Replace(uri.PathAndQuery, "[redacted]", StringComparison.OrdinalIgnoreCase));

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
