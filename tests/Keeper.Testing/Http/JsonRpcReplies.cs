using System.Text.Json.Nodes;

namespace Keeper.Testing.Http;

/// <summary>
/// Scripted behaviours that answer JSON-RPC requests from their content: correct ids for single calls and batches,
/// reordered or dropped batch entries, wrong ids, node errors.
/// </summary>
public static class JsonRpcReplies
{
    /// <summary>Answers every call with a result computed from its method and parameters.</summary>
    /// <param name="result">Maps (method, params) to the result.</param>
    /// <param name="arrange">Reorders, drops or adds batch entries (for example <c>e => e.Reverse()</c>); null keeps them.</param>
    public static ScriptedBehavior Results(Func<string, JsonArray, JsonNode?> result, Func<IEnumerable<JsonNode>, IEnumerable<JsonNode>>? arrange = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Map(call => Result(call, result(call["method"]!.GetValue<string>(), call["params"]?.AsArray() ?? [])), arrange);
    }

    /// <summary>Answers every call with the same node error.</summary>
    public static ScriptedBehavior Error(int code, string message, JsonNode? data = null) =>
        Map(call => Error(call, code, message, data?.DeepClone()));

    /// <summary>
    /// Answers each call of the request (one object, or each object of a batch array) with <paramref name="respond"/>;
    /// a null answer drops that entry. A single call is answered with a single object.
    /// </summary>
    public static ScriptedBehavior Map(Func<JsonObject, JsonNode?> respond, Func<IEnumerable<JsonNode>, IEnumerable<JsonNode>>? arrange = null)
    {
        ArgumentNullException.ThrowIfNull(respond);
        return ScriptedBehavior.Compute(request =>
        {
            var parsed = JsonNode.Parse(request.Body);
            if (parsed is JsonArray batch)
            {
                var answers = batch.Select(call => respond(call!.AsObject())).OfType<JsonNode>();
                answers = arrange is null ? answers : arrange(answers);
                return new ScriptedResponse(200, new JsonArray([.. answers]).ToJsonString());
            }

            var answer = respond(parsed!.AsObject());
            return new ScriptedResponse(200, answer?.ToJsonString() ?? "null");
        });
    }

    /// <summary>Builds <c>{"jsonrpc":"2.0","id":call.id,"result":result}</c>.</summary>
    public static JsonObject Result(JsonObject call, JsonNode? result)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new JsonObject { ["jsonrpc"] = "2.0", ["id"] = call["id"]?.DeepClone(), ["result"] = result };
    }

    /// <summary>Builds <c>{"jsonrpc":"2.0","id":call.id,"error":{"code":code,"message":message,"data":data}}</c>.</summary>
    public static JsonObject Error(JsonObject call, int code, string message, JsonNode? data = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (data is not null)
        {
            error["data"] = data;
        }

        return new JsonObject { ["jsonrpc"] = "2.0", ["id"] = call["id"]?.DeepClone(), ["error"] = error };
    }
}
