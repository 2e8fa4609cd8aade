using Keeper.Chain.Primitives;
using Keeper.Chain.Tests.Fakes;
using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;
using Newtonsoft.Json.Linq;

namespace Keeper.Chain.Tests.Logs;

/// <summary>
/// Puts a <see cref="FakeChain"/> behind a node whose batch of block fetches can time out once: a batch whose first
/// <c>eth_getBlockByNumber</c> asks for <see cref="FailFetchFrom"/> fails, and the hook clears, so the next try succeeds.
/// </summary>
internal sealed class FlakyBlockFetches(FakeChain chain) : ClientBase
{
    /// <summary>The first block number of the batch to fail once; null fails nothing.</summary>
    public ulong? FailFetchFrom { get; set; }

    /// <summary>How many batches failed.</summary>
    public int Failures { get; private set; }

    /// <inheritdoc />
    public override Task<RpcResponseMessage> SendAsync(RpcRequestMessage rpcRequestMessage, string? route = null) =>
        chain.SendAsync(rpcRequestMessage, route);

    /// <inheritdoc />
    protected override async Task<RpcResponseMessage[]> SendAsync(RpcRequestMessage[] requests)
    {
        if (FailFetchFrom is { } from && requests.Length > 0 && requests[0].Method == "eth_getBlockByNumber" && BlockNumber(requests[0]) == from)
        {
            FailFetchFrom = null;
            Failures++;
            throw new RpcClientTimeoutException($"scripted timeout fetching blocks from {from}");
        }

        var responses = new RpcResponseMessage[requests.Length];
        for (var i = 0; i < requests.Length; i++)
        {
            responses[i] = await chain.SendAsync(requests[i]);
        }

        return responses;
    }

    private static ulong? BlockNumber(RpcRequestMessage request) =>
        request.RawParameters is object[] { Length: > 0 } parameters && JToken.FromObject(parameters[0]!).Value<string>() is { } tag && tag.StartsWith("0x", StringComparison.Ordinal)
            ? Hex.DecodeQuantityUInt64(tag)
            : null;
}
