using System.Text.Json;

namespace Keeper.Chain.Rpc;

/// <summary>
/// The node understood the request and answered with a JSON-RPC error object. Not retried: the same request
/// would get the same answer. Carries the node's code, message and, for reverts, the revert data.
/// </summary>
public sealed class JsonRpcNodeException : JsonRpcException
{
    /// <summary>Creates the exception from the node's error object.</summary>
    public JsonRpcNodeException(string method, int code, string nodeMessage, JsonElement? data)
        : base(method, $"{method} failed: node error {code}: {nodeMessage}")
    {
        Code = code;
        NodeMessage = nodeMessage;
        ErrorData = data;
        RevertData = ExtractRevertData(data);
    }

    /// <summary>Creates the exception from the error object Nethereum read (it appends ": method" to the message, which is cut off again).</summary>
    public static JsonRpcNodeException From(string method, Nethereum.JsonRpc.Client.RpcError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var suffix = ": " + method;
        var message = error.Message is { } m && m.EndsWith(suffix, StringComparison.Ordinal) ? m[..^suffix.Length] : error.Message ?? string.Empty;
        JsonElement? data = null;
        if (error.Data is { } raw)
        {
            var text = raw is Newtonsoft.Json.Linq.JToken token ? token.ToString(Newtonsoft.Json.Formatting.None) : Newtonsoft.Json.JsonConvert.SerializeObject(raw);
            using var document = JsonDocument.Parse(text);
            data = document.RootElement.Clone();
        }

        return new JsonRpcNodeException(method, error.Code, message, data);
    }

    /// <summary>The JSON-RPC error code (for example -32000, or 3 for an execution revert).</summary>
    public int Code { get; }

    /// <summary>The node's error message, as sent.</summary>
    public string NodeMessage { get; }

    /// <summary>The error's <c>data</c> member, if any.</summary>
    public JsonElement? ErrorData { get; }

    /// <summary>The revert data (the ABI-encoded revert reason) when the node sent hex data, otherwise null.</summary>
    public byte[]? RevertData { get; }

    private static byte[]? ExtractRevertData(JsonElement? data)
    {
        if (data is not { } element)
        {
            return null;
        }

        // Nodes send revert data either as a hex string or as an object with a "data" member.
        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Object when element.TryGetProperty("data", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
            _ => null,
        };

        return text is not null && text.StartsWith("0x", StringComparison.Ordinal) && Primitives.Hex.TryDecode(text, out var bytes) ? bytes : null;
    }
}
