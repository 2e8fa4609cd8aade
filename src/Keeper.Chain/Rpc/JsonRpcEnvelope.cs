using System.Globalization;
using System.Text.Json;

namespace Keeper.Chain.Rpc;

/// <summary>
/// Checks a JSON-RPC 2.0 response document against the request it answers, before Nethereum decodes it. Nethereum reads
/// a missing result as null, a missing version as "2.0" and ignores the id of a single answer; a node or proxy that
/// breaks the protocol must instead fail the attempt, so it is retried elsewhere. So does a "rate limited" error code.
/// </summary>
internal static class JsonRpcEnvelope
{
    private const string Version = "2.0";

    /// <summary>Throws <see cref="JsonRpcAttemptException"/> when <paramref name="response"/> does not properly answer <paramref name="request"/>.</summary>
    public static void Check(JsonElement request, JsonElement response, IReadOnlySet<int> retryableErrorCodes)
    {
        if (request.ValueKind == JsonValueKind.Array)
        {
            CheckBatch(request, response, retryableErrorCodes);
            return;
        }

        if (response.ValueKind != JsonValueKind.Object)
        {
            throw new JsonRpcAttemptException($"expected a response object, got a JSON {Describe(response.ValueKind)}");
        }

        var id = IdText(request);
        if (IdText(response) != id)
        {
            throw new JsonRpcAttemptException($"response id {Shorten(IdText(response))} does not match request id {id}{DescribeErrorIfAny(response)}");
        }

        CheckEntry(response, Method(request), retryableErrorCodes);
    }

    private static void CheckBatch(JsonElement request, JsonElement response, IReadOnlySet<int> retryableErrorCodes)
    {
        var ids = request.EnumerateArray().Select(IdText).ToList();
        if (response.ValueKind != JsonValueKind.Array)
        {
            // Nodes answer a batch they refuse as a whole (too large, rate limited) with one error object.
            throw new JsonRpcAttemptException(
                $"expected an array of {ids.Count} responses to the batch, got a JSON {Describe(response.ValueKind)}{DescribeErrorIfAny(response)}");
        }

        var answered = new bool[ids.Count];
        foreach (var entry in response.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new JsonRpcAttemptException($"batch response holds a JSON {Describe(entry.ValueKind)} instead of a response object");
            }

            var index = ids.IndexOf(IdText(entry));
            if (index < 0)
            {
                throw new JsonRpcAttemptException($"batch response has id {Shorten(IdText(entry))}, which is not one of the request ids{DescribeErrorIfAny(entry)}");
            }

            if (answered[index])
            {
                throw new JsonRpcAttemptException($"batch response has id {ids[index]} twice");
            }

            answered[index] = true;
            CheckEntry(entry, Method(request[index]), retryableErrorCodes);
        }

        var missing = Array.IndexOf(answered, false);
        if (missing >= 0)
        {
            throw new JsonRpcAttemptException(string.Create(
                CultureInfo.InvariantCulture,
                $"batch response lacks {answered.Count(a => !a)} of {ids.Count} responses, the first for id {ids[missing]} ({Method(request[missing])})"));
        }
    }

    private static void CheckEntry(JsonElement entry, string method, IReadOnlySet<int> retryableErrorCodes)
    {
        if (!entry.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != Version)
        {
            var got = version.ValueKind == JsonValueKind.Undefined ? "none" : version.GetRawText();
            throw new JsonRpcAttemptException($"response has jsonrpc version {got}, expected \"{Version}\"");
        }

        if (entry.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            var nodeError = ReadError(error, method);
            if (retryableErrorCodes.Contains(nodeError.Code))
            {
                throw new JsonRpcAttemptException($"node is rate limiting: error {nodeError.Code}: {nodeError.NodeMessage}", nodeError);
            }

            return;
        }

        if (!entry.TryGetProperty("result", out _))
        {
            throw new JsonRpcAttemptException("response has neither a result nor an error");
        }
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

    private static string IdText(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("id", out var id) ? id.GetRawText() : "(none)";

    private static string Method(JsonElement request) =>
        request.ValueKind == JsonValueKind.Object && request.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "?";

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");

    // A wrong-id or non-array answer is often the node's error about the request itself; its text says why.
    private static string DescribeErrorIfAny(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        var code = error.TryGetProperty("code", out var c) ? c.GetRawText() : "?";
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : string.Empty;
        return $" (node error {code}: {message})";
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
