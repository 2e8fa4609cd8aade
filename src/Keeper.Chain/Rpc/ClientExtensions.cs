using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.JsonRpc.Client;
using Newtonsoft.Json.Linq;

namespace Keeper.Chain.Rpc;

/// <summary>
/// Keeper's calls over any Nethereum <see cref="IClient"/>: a method with positional parameters, a cancellation
/// token, and node errors as <see cref="JsonRpcNodeException"/> (code, message, revert data). With a
/// <see cref="FailoverClient"/> the token cancels the attempts; with another client it abandons the wait.
/// </summary>
public static class ClientExtensions
{
    private static long _lastId;

    /// <summary>Sends one request and returns its <c>result</c> (JSON <c>null</c> as a null element).</summary>
    /// <exception cref="JsonRpcNodeException">The node answered with an error object.</exception>
    /// <exception cref="JsonRpcTransportException">No endpoint answered.</exception>
    public static async Task<JsonElement> SendAsync(this IClient client, string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(parameters);
        cancellationToken.ThrowIfCancellationRequested();
        var request = new RpcRequest(NextId(client), method, parameters.Select(ToNewtonsoft).ToArray());
        try
        {
            var result = client is FailoverClient failover
                ? await failover.SendRequestAsync<JToken>(request, cancellationToken).ConfigureAwait(false)
                : await client.SendRequestAsync<JToken>(request).WaitAsync(cancellationToken).ConfigureAwait(false);
            return ToElement(result);
        }
        catch (RpcResponseException e)
        {
            throw JsonRpcNodeException.From(method, e.RpcError);
        }
        catch (Exception e) when (e is RpcClientUnknownException or RpcClientTimeoutException)
        {
            throw new JsonRpcTransportException(method, $"{method} failed: {e.Message}", 1, e);
        }
    }

    /// <summary>
    /// Sends several requests in one batch (<see cref="IClient.SendBatchRequestAsync"/>). The responses come back in
    /// request order; an entry that failed carries its error instead of failing the whole batch.
    /// </summary>
    /// <exception cref="JsonRpcTransportException">The batch could not be delivered or its answer was malformed.</exception>
    public static async Task<IReadOnlyList<JsonRpcResponse>> SendBatchAsync(this IClient client, IReadOnlyList<JsonRpcRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(requests);
        cancellationToken.ThrowIfCancellationRequested();
        if (requests.Count == 0)
        {
            return [];
        }

        var items = requests
            .Select(r => new RpcRequestResponseBatchItem<Handler, JToken>(
                Handler.Instance(client, r.Method), new RpcRequest(NextId(client), r.Method, r.Parameters.Select(ToNewtonsoft).ToArray())))
            .ToArray();
        var batch = new RpcRequestResponseBatch { AcceptPartiallySuccessful = true };
        batch.BatchItems.AddRange(items);
        try
        {
            _ = client is FailoverClient failover
                ? await failover.SendBatchRequestAsync(batch, cancellationToken).ConfigureAwait(false)
                : await client.SendBatchRequestAsync(batch).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcClientUnknownException or RpcClientTimeoutException)
        {
            throw new JsonRpcTransportException(FailoverClient.BatchMethod, $"batch failed: {e.Message}", 1, e);
        }

        return items
            .Select((item, i) => item.HasError
                ? JsonRpcResponse.Failure(requests[i].Method, JsonRpcNodeException.From(requests[i].Method, item.RpcError))
                : JsonRpcResponse.Success(requests[i].Method, ToElement(item.Response)))
            .ToArray();
    }

    // A failover client numbers its own requests, so ids are unique and increasing per client, as logs and tests expect.
    private static long NextId(IClient client) => client is FailoverClient failover ? failover.NextId() : Interlocked.Increment(ref _lastId);

    // Keeper builds parameters with System.Text.Json; Nethereum writes them with Newtonsoft.
    private static object? ToNewtonsoft(object? parameter) => parameter switch
    {
        JsonNode node => JToken.Parse(node.ToJsonString()),
        JsonElement element => JToken.Parse(element.GetRawText()),
        _ => parameter,
    };

    private static JsonElement ToElement(JToken? token)
    {
        using var document = JsonDocument.Parse(token?.ToString(Newtonsoft.Json.Formatting.None) ?? "null");
        return document.RootElement.Clone();
    }

    private sealed class Handler(IClient client, string method) : RpcRequestResponseHandler<JToken>(client, method)
    {
        public static Handler Instance(IClient client, string method) => new(client, method);
    }
}
