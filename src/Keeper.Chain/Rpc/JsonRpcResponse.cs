using System.Text.Json;

namespace Keeper.Chain.Rpc;

/// <summary>One response of a JSON-RPC batch: a result or an error.</summary>
public sealed class JsonRpcResponse
{
    private readonly JsonElement _result;

    private JsonRpcResponse(string method, JsonElement result, JsonRpcNodeException? error)
    {
        Method = method;
        _result = result;
        Error = error;
    }

    /// <summary>The method of the request this answers.</summary>
    public string Method { get; }

    /// <summary>The node's error, or null when the call succeeded.</summary>
    public JsonRpcNodeException? Error { get; }

    /// <summary>True when the call succeeded.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>Creates a successful response.</summary>
    public static JsonRpcResponse Success(string method, JsonElement result) => new(method, result, null);

    /// <summary>Creates a failed response.</summary>
    public static JsonRpcResponse Failure(string method, JsonRpcNodeException error) => new(method, default, error);

    /// <summary>Returns the result, or throws the node's error.</summary>
    /// <exception cref="JsonRpcNodeException">The call failed.</exception>
    public JsonElement GetResultOrThrow() => Error is null ? _result : throw Error;
}
