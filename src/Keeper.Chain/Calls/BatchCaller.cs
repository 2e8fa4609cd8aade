using Keeper.Chain.Eth;
using Keeper.Chain.Rpc;

namespace Keeper.Chain.Calls;

/// <summary>
/// Runs many read-only calls at one block in few requests: through Multicall3 <c>aggregate3</c> when an address is
/// configured, otherwise as JSON-RPC batches of <c>eth_call</c>. A failing call fails alone; the others still return.
/// </summary>
public sealed class BatchCaller
{
    private readonly EthApi _eth;
    private readonly BatchCallerOptions _options;

    /// <summary>Creates a batch caller.</summary>
    public BatchCaller(EthApi eth, BatchCallerOptions? options = null)
    {
        _eth = eth;
        _options = (options ?? new BatchCallerOptions()).Validate();
    }

    /// <summary>Runs the calls at <paramref name="block"/> and returns their results in the same order.</summary>
    public async Task<IReadOnlyList<CallResult>> CallAsync(IReadOnlyList<CallRequest> calls, BlockTag block, CancellationToken cancellationToken)
    {
        var results = new List<CallResult>(calls.Count);
        for (var start = 0; start < calls.Count; start += _options.MaxCallsPerBatch)
        {
            var chunk = calls.Skip(start).Take(_options.MaxCallsPerBatch).ToArray();
            results.AddRange(_options.Multicall3 is { } multicall
                ? await Multicall3.Aggregate3Async(_eth, multicall, chunk, block, cancellationToken)
                : await JsonRpcBatchAsync(chunk, block, cancellationToken));
        }

        return results;
    }

    private async Task<IReadOnlyList<CallResult>> JsonRpcBatchAsync(IReadOnlyList<CallRequest> calls, BlockTag block, CancellationToken cancellationToken)
    {
        var requests = calls.Select(c => new JsonRpcRequest("eth_call", EthApi.CallParameters(c, block))).ToArray();
        var responses = await _eth.Rpc.SendBatchAsync(requests, cancellationToken);
        var results = new CallResult[responses.Count];
        for (var i = 0; i < responses.Count; i++)
        {
            results[i] = responses[i].Error is { } error
                ? new CallResult(false, error.RevertData ?? [], error)
                : new CallResult(true, RpcJson.Data(responses[i].GetResultOrThrow(), "eth_call return data", "eth_call"), null);
        }

        return results;
    }
}
