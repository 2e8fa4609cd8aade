using System.Text.Json;
using System.Text.Json.Nodes;
using Keeper.Chain.Rpc;
using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Keeper.Testing.Rpc;

/// <summary>
/// A Nethereum <see cref="IClient"/> for unit tests that answers in memory: subclasses script <see cref="AnswerAsync"/>
/// per method (throwing <see cref="JsonRpcNodeException"/> for a node error, <see cref="JsonRpcTransportException"/> for a
/// transport failure). Parameters arrive as Keeper wrote them on the wire: strings, or <see cref="JsonNode"/>s.
/// </summary>
public abstract class ScriptedRpcClient : ClientBase
{
    /// <inheritdoc />
    public override async Task<RpcResponseMessage> SendAsync(RpcRequestMessage rpcRequestMessage, string? route = null)
    {
        ArgumentNullException.ThrowIfNull(rpcRequestMessage);
        var request = ToRequest(rpcRequestMessage);
        try
        {
            return Result(rpcRequestMessage.Id, await AnswerAsync(request.Method, request.Parameters));
        }
        catch (JsonRpcNodeException e)
        {
            return Error(rpcRequestMessage.Id, e);
        }
    }

    /// <summary>The answer to one call; throws for errors.</summary>
    protected abstract Task<JsonElement> AnswerAsync(string method, IReadOnlyList<object?> parameters);

    /// <summary>The answers to a batch, in request order; by default each call answered alone.</summary>
    protected virtual async Task<IReadOnlyList<JsonRpcResponse>> AnswerBatchAsync(IReadOnlyList<JsonRpcRequest> requests)
    {
        var responses = new List<JsonRpcResponse>(requests.Count);
        foreach (var request in requests)
        {
            try
            {
                responses.Add(JsonRpcResponse.Success(request.Method, await AnswerAsync(request.Method, request.Parameters)));
            }
            catch (JsonRpcNodeException e)
            {
                responses.Add(JsonRpcResponse.Failure(request.Method, e));
            }
        }

        return responses;
    }

    /// <inheritdoc />
    protected override async Task<RpcResponseMessage[]> SendAsync(RpcRequestMessage[] requests)
    {
        var responses = await AnswerBatchAsync(requests.Select(ToRequest).ToArray());
        return requests.Select((r, i) => responses[i].Error is { } error ? Error(r.Id, error) : Result(r.Id, responses[i].GetResultOrThrow())).ToArray();
    }

    private static JsonRpcRequest ToRequest(RpcRequestMessage message)
    {
        var raw = message.RawParameters as object[] ?? [];
        return new JsonRpcRequest(message.Method, raw.Select(ToKeeper).ToArray());
    }

    private static object? ToKeeper(object? parameter)
    {
        var node = JsonNode.Parse(JsonConvert.SerializeObject(parameter));
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? (object?)text : node;
    }

    private static RpcResponseMessage Result(object id, JsonElement result) => new(id, JToken.Parse(result.ValueKind == JsonValueKind.Undefined ? "null" : result.GetRawText()));

    private static RpcResponseMessage Error(object id, JsonRpcNodeException e) =>
        new(id, new Nethereum.JsonRpc.Client.RpcMessages.RpcError { Code = e.Code, Message = e.NodeMessage, Data = e.ErrorData is { } data ? JToken.Parse(data.GetRawText()) : null });
}
