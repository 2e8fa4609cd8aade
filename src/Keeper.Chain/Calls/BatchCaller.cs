using System.Runtime.CompilerServices;
using Keeper.Chain.Eth;
using Keeper.Chain.Rpc;

namespace Keeper.Chain.Calls;

/// <summary>
/// Runs many read-only calls at one block in few requests: through Multicall3 <c>aggregate3</c> when an address is
/// configured, otherwise as JSON-RPC batches of <c>eth_call</c>. A failing call fails alone; the others still return.
/// Up to <see cref="BatchCallerOptions.MaxBatchesInFlight"/> requests run at once, so the node works on the next batch
/// while the previous answer travels and is decoded.
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
        await foreach (var chunk in CallInChunksAsync(calls, block, cancellationToken))
        {
            results.AddRange(chunk);
        }

        return results;
    }

    /// <summary>
    /// Runs the calls at <paramref name="block"/> and yields their results one request's worth at a time, in the calls'
    /// order, as soon as that request and every earlier one have answered: the caller can use the first results while
    /// later requests are still running.
    /// </summary>
    public IAsyncEnumerable<IReadOnlyList<CallResult>> CallInChunksAsync(IReadOnlyList<CallRequest> calls, BlockTag block, CancellationToken cancellationToken) =>
        CallInChunksAsync(calls, block, static (results, _) => results, cancellationToken);

    /// <summary>
    /// As <see cref="CallInChunksAsync(IReadOnlyList{CallRequest}, BlockTag, CancellationToken)"/>, with each request's
    /// results turned into <typeparamref name="T"/> by <paramref name="decode"/> (given the index of the chunk's first
    /// call) on the thread pool as soon as they arrive, beside the caller's work on earlier chunks.
    /// </summary>
    public async IAsyncEnumerable<T> CallInChunksAsync<T>(
        IReadOnlyList<CallRequest> calls, BlockTag block, Func<IReadOnlyList<CallResult>, int, T> decode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(decode);
        var pending = new Queue<Task<T>>();
        var next = 0;
        try
        {
            while (next < calls.Count || pending.Count > 0)
            {
                while (next < calls.Count && pending.Count < _options.MaxBatchesInFlight)
                {
                    var size = Math.Min(_options.MaxCallsPerBatch, calls.Count - next);
                    var chunk = new CallRequest[size];
                    for (var i = 0; i < size; i++)
                    {
                        chunk[i] = calls[next + i];
                    }

                    // On the thread pool: encoding a request and decoding its answer are CPU work (tens of µs per call
                    // through Nethereum's ABI coder), done beside the caller's work on earlier chunks, not before it.
                    var first = next;
                    pending.Enqueue(Task.Run(async () => decode(await CallChunkAsync(chunk, block, cancellationToken), first), cancellationToken));
                    next += size;
                }

                yield return await pending.Dequeue();
            }
        }
        finally
        {
            // A failed or abandoned read leaves no request running behind the caller's back. Their own failures are not
            // news once one has been reported: waited for, and observed, but not thrown over the first.
            if (pending.Count > 0)
            {
                var rest = Task.WhenAll(pending);
                await Task.WhenAny(rest);
                _ = rest.Exception;
            }
        }
    }

    private Task<IReadOnlyList<CallResult>> CallChunkAsync(CallRequest[] chunk, BlockTag block, CancellationToken cancellationToken) =>
        _options.Multicall3 is { } multicall
            ? Multicall3.Aggregate3Async(_eth, multicall, chunk, block, cancellationToken)
            : JsonRpcBatchAsync(chunk, block, cancellationToken);

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
