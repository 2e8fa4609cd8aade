using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Keeper.Chain.Rpc;

/// <summary>
/// Sits under each endpoint's Nethereum <c>RpcClient</c> and applies Keeper's rules for node answers before Nethereum
/// reads them: HTTP 429 and 5xx are busy (with the node's <c>Retry-After</c>), a body is read up to a size limit, a
/// JSON-RPC error sent with a 4xx status is an answer like any other, and the response must match the request
/// (<see cref="JsonRpcEnvelope"/>). Every violation is a <see cref="JsonRpcAttemptException"/>, which the
/// <see cref="FailoverClient"/> retries on the next endpoint.
/// </summary>
internal sealed class JsonRpcHttpHandler : DelegatingHandler
{
    // Deep enough for nested call traces, shallow enough to bound the parser's work on hostile input.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    private readonly long _maxResponseBytes;
    private readonly IReadOnlySet<int> _retryableErrorCodes;
    private readonly TimeProvider _time;

    public JsonRpcHttpHandler(HttpMessageHandler inner, FailoverClientOptions options, TimeProvider time)
        : base(inner)
    {
        _maxResponseBytes = options.MaxResponseBytes;
        _retryableErrorCodes = options.RetryableErrorCodes.ToHashSet();
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestBody = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var statusText = string.Create(CultureInfo.InvariantCulture, $"HTTP {status} {response.ReasonPhrase}");
        if (RetryBackoff.IsRetryableStatus(response.StatusCode))
        {
            throw new JsonRpcAttemptException(statusText, null, RetryBackoff.RetryNotBefore(response.Headers, _time.GetUtcNow()));
        }

        var body = await BoundedContentReader.ReadAsync(response.Content, _maxResponseBytes, cancellationToken).ConfigureAwait(false);
        var success = response.IsSuccessStatusCode;
        JsonDocument answer;
        try
        {
            answer = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new JsonRpcAttemptException(success ? $"malformed JSON in the response: {e.Message}" : $"{statusText} with a body that is not JSON", e);
        }

        using (answer)
        using (var asked = JsonDocument.Parse(requestBody, DocumentOptions))
        {
            try
            {
                JsonRpcEnvelope.Check(asked.RootElement, answer.RootElement, _retryableErrorCodes);
            }
            catch (JsonRpcAttemptException e) when (!success)
            {
                throw new JsonRpcAttemptException($"{statusText}: {e.Message}", e.InnerException, e.RetryNotBefore);
            }
        }

        // Some nodes send their JSON-RPC error objects with a 4xx status; those are answers, so Nethereum sees a 200.
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body.ToArray()), RequestMessage = request };
    }
}
