using System.Text.Json.Nodes;
using Keeper.Chain.Rpc;
using Keeper.Testing.Http;

namespace Keeper.Chain.Tests.Rpc;

/// <summary>Shared set-up for the JSON-RPC client tests.</summary>
internal static class RpcTestKit
{
    /// <summary>How long a test waits for something that should happen at once before it fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>A fixed start for manual clocks.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Options for tests where timing does not matter: no backoff, a generous per-attempt timeout.</summary>
    public static FailoverClientOptions FastOptions(params Uri[] endpoints) => new()
    {
        Endpoints = endpoints,
        InitialBackoff = TimeSpan.Zero,
        RequestTimeout = TimeSpan.FromSeconds(10),
        HedgeDelay = null,
    };

    /// <summary>A behaviour answering every call with a constant result.</summary>
    public static ScriptedBehavior Answer(JsonNode? result) => JsonRpcReplies.Results((_, _) => result?.DeepClone());

    /// <summary>Fails the test instead of hanging when <paramref name="task"/> does not finish in time.</summary>
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Patience);

    /// <summary>Fails the test instead of hanging when <paramref name="task"/> does not finish in time.</summary>
    public static Task Within(this Task task) => task.WaitAsync(Patience);

    /// <summary>Parses a recorded request body.</summary>
    public static JsonNode Body(RecordedRequest request) => JsonNode.Parse(request.Body)!;
}
