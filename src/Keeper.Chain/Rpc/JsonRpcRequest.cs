namespace Keeper.Chain.Rpc;

/// <summary>One request of a JSON-RPC batch.</summary>
/// <param name="Method">The method name.</param>
/// <param name="Parameters">
/// Positional parameters. Each is serialized with System.Text.Json: strings, numbers, booleans, null,
/// <see cref="System.Text.Json.Nodes.JsonNode"/>, <see cref="System.Text.Json.JsonElement"/>, arrays and dictionaries.
/// </param>
public sealed record JsonRpcRequest(string Method, IReadOnlyList<object?> Parameters);
