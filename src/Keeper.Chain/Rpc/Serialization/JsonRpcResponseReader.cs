using System.Globalization;
using System.Text.Json;

namespace Keeper.Chain.Rpc.Serialization;

/// <summary>
/// Checks JSON-RPC 2.0 response documents against the requests they answer. A response that breaks the protocol
/// (wrong version or id, missing or duplicate batch entries, neither result nor error) or that carries a
/// "rate limited" error code throws <see cref="JsonRpcAttemptException"/>, so the attempt is retried. Node errors are
/// returned as failed <see cref="JsonRpcResponse"/>s. Results and error data are cloned out of the document.
/// </summary>
internal sealed class JsonRpcResponseReader
{
    private readonly HashSet<int> _retryableErrorCodes;

    public JsonRpcResponseReader(IEnumerable<int> retryableErrorCodes)
    {
        _retryableErrorCodes = [.. retryableErrorCodes];
    }

    /// <summary>Reads the answer to one call with the id <paramref name="id"/>.</summary>
    public JsonRpcResponse ReadSingle(JsonElement root, long id, string method)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonRpcAttemptException($"expected a response object, got a JSON {Describe(root.ValueKind)}");
        }

        var responseId = ReadId(root);
        if (responseId != id)
        {
            throw new JsonRpcAttemptException(
                $"response id {FormatId(root)} does not match request id {id}{DescribeErrorIfAny(root)}");
        }

        return ReadEntry(root, method);
    }

    /// <summary>Reads the answer to a batch whose calls had consecutive ids from <paramref name="firstId"/>, in request order.</summary>
    public IReadOnlyList<JsonRpcResponse> ReadBatch(JsonElement root, long firstId, IReadOnlyList<JsonRpcRequest> requests)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            // Nodes answer a batch they refuse as a whole (too large, rate limited) with one error object.
            throw new JsonRpcAttemptException(
                $"expected an array of {requests.Count} responses to the batch, got a JSON {Describe(root.ValueKind)}{DescribeErrorIfAny(root)}");
        }

        var responses = new JsonRpcResponse?[requests.Count];
        foreach (var entry in root.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new JsonRpcAttemptException($"batch response holds a JSON {Describe(entry.ValueKind)} instead of a response object");
            }

            var id = ReadId(entry);
            if (id is not { } value || value < firstId || value - firstId >= requests.Count)
            {
                throw new JsonRpcAttemptException(
                    $"batch response has id {FormatId(entry)}, which is not one of the request ids {firstId}..{firstId + requests.Count - 1}{DescribeErrorIfAny(entry)}");
            }

            var index = (int)(value - firstId);
            if (responses[index] is not null)
            {
                throw new JsonRpcAttemptException($"batch response has id {value} twice");
            }

            responses[index] = ReadEntry(entry, requests[index].Method);
        }

        var missing = Array.FindIndex(responses, r => r is null);
        if (missing >= 0)
        {
            var count = responses.Count(r => r is null);
            throw new JsonRpcAttemptException(
                $"batch response lacks {count} of {requests.Count} responses, the first for id {firstId + missing} ({requests[missing].Method})");
        }

        return responses!;
    }

    private JsonRpcResponse ReadEntry(JsonElement entry, string method)
    {
        if (!entry.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != JsonRpcRequestWriter.Version)
        {
            var got = version.ValueKind == JsonValueKind.Undefined ? "none" : version.GetRawText();
            throw new JsonRpcAttemptException($"response has jsonrpc version {got}, expected \"{JsonRpcRequestWriter.Version}\"");
        }

        if (entry.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            var nodeError = ReadError(error, method);
            if (_retryableErrorCodes.Contains(nodeError.Code))
            {
                throw new JsonRpcAttemptException($"node is rate limiting: error {nodeError.Code}: {nodeError.NodeMessage}", nodeError);
            }

            return JsonRpcResponse.Failure(method, nodeError);
        }

        if (!entry.TryGetProperty("result", out var result))
        {
            throw new JsonRpcAttemptException("response has neither a result nor an error");
        }

        return JsonRpcResponse.Success(method, result.Clone());
    }

    private static JsonRpcNodeException ReadError(JsonElement error, string method)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            throw new JsonRpcAttemptException($"response error is a JSON {Describe(error.ValueKind)}, not an error object");
        }

        if (!error.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out var codeValue))
        {
            throw new JsonRpcAttemptException("response error object has no integer code");
        }

        if (!error.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String)
        {
            throw new JsonRpcAttemptException($"response error object with code {codeValue} has no message string");
        }

        JsonElement? data = error.TryGetProperty("data", out var dataElement) ? dataElement.Clone() : null;
        return new JsonRpcNodeException(method, codeValue, message.GetString()!, data);
    }

    private static long? ReadId(JsonElement entry) =>
        entry.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var value) ? value : null;

    private static string FormatId(JsonElement entry)
    {
        if (!entry.TryGetProperty("id", out var id))
        {
            return "(none)";
        }

        var text = id.GetRawText();
        return text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
    }

    // A wrong-id or non-array answer is often the node's error about the request itself; its text says why.
    private static string DescribeErrorIfAny(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        var code = error.TryGetProperty("code", out var c) ? c.GetRawText() : "?";
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $" (node error {code}: {message})");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };
}
