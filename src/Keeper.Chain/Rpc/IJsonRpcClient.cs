using System.Text.Json;

namespace Keeper.Chain.Rpc;

/// <summary>
/// Sends JSON-RPC 2.0 requests to an Ethereum node. Implementations retry transport failures and fail over
/// between endpoints; they never return a default value on failure, they throw a <see cref="JsonRpcException"/>.
/// </summary>
public interface IJsonRpcClient
{
    /// <summary>Sends one request and returns its <c>result</c>.</summary>
    /// <param name="method">The JSON-RPC method, such as <c>eth_blockNumber</c>.</param>
    /// <param name="parameters">The positional parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result element, detached from the response document.</returns>
    /// <exception cref="JsonRpcNodeException">The node answered with an error object.</exception>
    /// <exception cref="JsonRpcTransportException">No endpoint answered with a valid response within the retry budget.</exception>
    Task<JsonElement> SendAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken);

    /// <summary>
    /// Sends several requests in one JSON-RPC batch. The responses come back in request order whatever order the
    /// node used; an entry that failed carries its error instead of throwing for the whole batch.
    /// </summary>
    /// <exception cref="JsonRpcTransportException">The batch as a whole could not be delivered or its response was malformed.</exception>
    Task<IReadOnlyList<JsonRpcResponse>> SendBatchAsync(IReadOnlyList<JsonRpcRequest> requests, CancellationToken cancellationToken);
}
