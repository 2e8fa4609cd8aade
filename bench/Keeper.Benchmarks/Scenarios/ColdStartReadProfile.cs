using System.Diagnostics;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Devnet;

namespace Keeper.Benchmarks.Scenarios;

/// <summary>
/// Where the cold start's chain reads spend their time: the manager's validator index (the bulk of the requests) read in
/// <c>aggregate3</c> batches of 200 calls one at a time, split into the node's answer and Keeper's decoding; then with
/// larger batches, and with 2, 3 (the node's default, <c>keeper.chain.reads-in-flight</c>) and 4 batches in flight.
/// </summary>
internal static class ColdStartReadProfile
{
    public static async Task RunAsync(DevChainClient chain, Address multicall, Address manager, CancellationToken cancellationToken)
    {
        var at = BlockTag.At(await chain.Eth.BlockNumberAsync(cancellationToken));
        var count = await new MegapoolManager(chain.Eth, new BatchCaller(chain.Eth), manager).GetValidatorCountAsync(at, cancellationToken);
        var calls = new CallRequest[count];
        for (ulong i = 0; i < count; i++)
        {
            calls[i] = MegapoolManager.GetValidatorInfoCall(manager, i);
        }

        var sequential = new BatchCaller(chain.Eth, new BatchCallerOptions { Multicall3 = multicall, MaxBatchesInFlight = 1 });
        var (results, took, requests) = await TimeAsync(chain, () => sequential.CallAsync(calls, at, cancellationToken));
        Console.WriteLine($"profile: manager index, {count} entries, aggregate3 of 200, one at a time: {took.TotalSeconds:F2} s, {requests} requests, {took.TotalMilliseconds / requests:F1} ms per request");

        var decodeClock = Stopwatch.StartNew();
        for (var i = 0; i < results.Count; i++)
        {
            MegapoolManager.Decode((ulong)i, results[i].GetReturnDataOrThrow(i));
        }

        Console.WriteLine($"profile: decoding those {count} entries: {decodeClock.Elapsed.TotalSeconds:F2} s");

        var large = new BatchCaller(chain.Eth, new BatchCallerOptions { Multicall3 = multicall, MaxCallsPerBatch = 1000, MaxBatchesInFlight = 1 });
        (_, took, requests) = await TimeAsync(chain, () => large.CallAsync(calls, at, cancellationToken));
        Console.WriteLine($"profile: aggregate3 of 1000, one at a time: {took.TotalSeconds:F2} s, {requests} requests");

        foreach (var inFlight in new[] { 2, 3, 4 })
        {
            var concurrent = new BatchCaller(chain.Eth, new BatchCallerOptions { Multicall3 = multicall, MaxBatchesInFlight = inFlight });
            (_, took, requests) = await TimeAsync(chain, () => concurrent.CallAsync(calls, at, cancellationToken));
            Console.WriteLine($"profile: aggregate3 of 200, {inFlight} in flight: {took.TotalSeconds:F2} s, {requests} requests");
        }
    }

    private static async Task<(IReadOnlyList<CallResult> Results, TimeSpan Took, long Requests)> TimeAsync(DevChainClient chain, Func<Task<IReadOnlyList<CallResult>>> read)
    {
        var before = chain.Rpc.RequestCount;
        var clock = Stopwatch.StartNew();
        var results = await read();
        return (results, clock.Elapsed, chain.Rpc.RequestCount - before);
    }
}
