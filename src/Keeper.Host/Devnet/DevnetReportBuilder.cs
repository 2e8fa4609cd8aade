using System.Buffers.Binary;
using System.Text.Json;
using Keeper.Chain.Beacon;
using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.MegapoolDefinition;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Nethereum.JsonRpc.Client;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;

namespace Keeper.Host.Devnet;

/// <summary>
/// Builds the devnet report from the chain itself, not from what the nodes say: every transaction mined during the run
/// that calls a task's action is attributed to its sender and checked against the block in which the action first
/// became valid.
/// </summary>
public static class DevnetReportBuilder
{
    private static readonly byte[] NotifyExitSelector = ContractAbi.Selector<NotifyExitFunction>();
    private static readonly byte[] DissolveWithProofSelector = ContractAbi.Selector<DissolveWithProofFunction>();
    private static readonly byte[] NotifyFinalBalanceSelector = ContractAbi.Selector<NotifyFinalBalanceFunction>();

    /// <summary>
    /// Scans blocks <paramref name="fromBlock"/> to <paramref name="toBlock"/> and builds the report; proof calls count when
    /// they go to <paramref name="megapoolManager"/>, and <paramref name="beaconTime"/> places the blocks in beacon slots
    /// for tasks with <see cref="DevnetTask.ProvableFromSlot"/>. With <paramref name="gogopool"/>, the GoGoPool chain's
    /// blocks are scanned too: its tasks count with the others, and the nodes' transactions there with theirs.
    /// </summary>
    public static async Task<DevnetReport> BuildAsync(
        IClient rpc, Address megapoolManager, IReadOnlyList<DevnetTask> tasks, IReadOnlyList<(string Id, Address Address, long RpcRequests)> nodes,
        ulong fromBlock, ulong toBlock, CancellationToken cancellationToken, BeaconTime? beaconTime = null, DevnetSecondChain? gogopool = null)
    {
        var keepers = nodes.Select(n => n.Address).ToHashSet();
        var byCall = tasks.ToDictionary(t => CallKey(t.Kind, t.Target, t.ValidatorId));
        var scans = new List<ChainScan> { await ScanAsync(rpc, fromBlock, toBlock, keepers, (_, tx) => TaskOf(byCall, megapoolManager, tx.To!.Value, tx.Input), cancellationToken) };
        var outcomes = Outcomes(tasks, scans[0], keepers, beaconTime).ToList();
        if (gogopool is not null)
        {
            scans.Add(await ScanAsync(gogopool.Rpc, gogopool.FromBlock, gogopool.ToBlock, keepers, (block, tx) => RewardsCycleTaskOf(gogopool, block, tx), cancellationToken));
            outcomes.AddRange(Outcomes(gogopool.Tasks, scans[1], keepers, null));
        }

        // A cancellation is a zero-value self-transfer with no data, sent with the nonce of a pending action.
        var sentByKeepers = scans.SelectMany(s => s.Blocks.SelectMany(b => b.Transactions).Where(t => keepers.Contains(t.From)).Select(t => (Tx: t, s.Receipts[t.Hash].GasUsed))).ToList();
        var replaced = sentByKeepers.Count(t => t.Tx.To == t.Tx.From && t.Tx.Input.Length == 0);
        var latencies = outcomes.Where(o => o.Latency is not null).Select(o => o.Latency!.Value).Order().ToList();
        var nodeReports = nodes.Select(n =>
        {
            var sent = sentByKeepers.Where(t => t.Tx.From == n.Address).ToList();
            return new DevnetNodeReport(n.Id, n.Address.ToString(), sent.Count, (ulong)sent.Sum(t => (decimal)t.GasUsed));
        }).ToArray();
        var blockCount = Math.Max(1, (long)(toBlock - fromBlock + 1));
        var requests = nodes.Sum(n => n.RpcRequests);
        var byKind = outcomes.GroupBy(o => o.Task.KindName).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new DevnetKindTasks(g.Count(), g.Count(o => o.Done))
            {
                DoneByKeeper = g.Count(o => o.ByKeeper),
                Duplicates = g.Sum(o => o.Duplicates),
                Reverted = g.Sum(o => o.Reverted),
                LatencyBlocks = g.Max(o => o.Latency),
            },
            StringComparer.Ordinal);
        return new DevnetReport(
            new DevnetTasks(
                outcomes.Count, outcomes.Count(o => o.Done), outcomes.Count(o => o.ByKeeper), outcomes.Sum(o => o.Duplicates), outcomes.Sum(o => o.Reverted),
                replaced, (ulong)outcomes.Sum(o => (decimal)o.GasWasted)) { ByKind = byKind },
            new DevnetLatency(Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Count > 0 ? latencies[^1] : 0),
            nodeReports,
            new DevnetRpc(requests, Math.Round((double)requests / blockCount / Math.Max(1, nodes.Count), 2)));
    }

    // Each task's transactions, read from one chain: the first that succeeded did it; the keepers' others are duplicates.
    private static IEnumerable<TaskOutcome> Outcomes(IReadOnlyList<DevnetTask> tasks, ChainScan scan, HashSet<Address> keepers, BeaconTime? beaconTime)
    {
        foreach (var task in tasks)
        {
            var txs = scan.ActionTxs.Where(x => x.Task == task).ToList();
            var success = txs.FirstOrDefault(x => scan.Receipts[x.Tx.Hash].Succeeded);
            var keeperTxs = txs.Where(x => keepers.Contains(x.Tx.From)).ToList();
            var failed = keeperTxs.Where(x => !scan.Receipts[x.Tx.Hash].Succeeded).ToList();
            var gasWasted = (ulong)failed.Sum(x => (decimal)scan.Receipts[x.Tx.Hash].GasUsed);
            if (success.Tx is null)
            {
                yield return new TaskOutcome(task, false, false, keeperTxs.Count, failed.Count, gasWasted, null);
                continue;
            }

            var byKeeper = keepers.Contains(success.Tx.From);
            var firstValid = FirstValid(scan.Blocks, task, beaconTime);
            long? latency = byKeeper && firstValid is not null ? (long)success.Block.Number - (long)firstValid.Number : null;
            yield return new TaskOutcome(task, true, byKeeper, keeperTxs.Count - (byKeeper ? 1 : 0), failed.Count, gasWasted, latency);
        }
    }

    private static async Task<ChainScan> ScanAsync(
        IClient rpc, ulong from, ulong to, HashSet<Address> keepers, Func<ScannedBlock, ScannedTx, DevnetTask?> taskOf, CancellationToken cancellationToken)
    {
        var blocks = await ReadBlocksAsync(rpc, from, to, cancellationToken);
        var actionTxs = blocks.SelectMany(b => b.Transactions.Where(tx => tx.To is not null).Select(tx => (Block: b, Tx: tx, Task: taskOf(b, tx))))
            .Where(x => x.Task is not null)
            .Select(x => (x.Block, x.Tx, Task: x.Task!))
            .ToList();
        var hashes = actionTxs.Select(x => x.Tx.Hash).Concat(blocks.SelectMany(b => b.Transactions).Where(t => keepers.Contains(t.From)).Select(t => t.Hash)).Distinct().ToArray();
        return new ChainScan(blocks, await ReadReceiptsAsync(rpc, hashes, cancellationToken), actionTxs);
    }

    // A startRewardsCycle() to the RewardsPool belongs to the latest cycle due by its block (one sent early, to the first).
    private static DevnetTask? RewardsCycleTaskOf(DevnetSecondChain chain, ScannedBlock block, ScannedTx tx) =>
        tx.To == chain.RewardsPool && tx.Input.AsSpan().StartsWith(RewardsPool.StartRewardsCycleSelector) && chain.Tasks.Count > 0
            ? chain.Tasks.LastOrDefault(t => t.DueAt <= block.Timestamp) ?? chain.Tasks[0]
            : null;

    // The first block in which the task's action can succeed. A call proving a slot at or after ProvableFromSlot needs
    // that slot's block (the first block at or after its start) and its child (the first block of a later slot), whose
    // arrival puts the proven root in EIP-4788: the next block is the first that can carry the call.
    private static ScannedBlock? FirstValid(List<ScannedBlock> blocks, DevnetTask task, BeaconTime? beaconTime)
    {
        if (task.ProvableFromSlot is not { } fromSlot)
        {
            return blocks.FirstOrDefault(b => b.Timestamp >= task.DueAt);
        }

        var time = beaconTime ?? throw new ArgumentException($"Task {task.Key} is timed by a beacon slot; the report needs the beacon chain's time.", nameof(beaconTime));
        var proven = blocks.FindIndex(b => time.SlotAt(b.Timestamp) >= fromSlot);
        var child = proven < 0 ? -1 : blocks.FindIndex(proven + 1, b => time.SlotAt(b.Timestamp) > time.SlotAt(blocks[proven].Timestamp));
        return child >= 0 && child + 1 < blocks.Count ? blocks[child + 1] : null;
    }

    private static long Percentile(List<long> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string CallKey(DevnetTaskKind kind, Address target, uint? validatorId) => $"{kind}:{target.ToLowerHex()}:{validatorId}";

    private static DevnetTask? TaskOf(Dictionary<string, DevnetTask> byCall, Address manager, Address to, byte[] input)
    {
        if (input.Length < 4)
        {
            return null;
        }

        var selector = input.AsSpan(0, 4);
        if (selector.SequenceEqual(Minipool.DissolveSelector))
        {
            return byCall.GetValueOrDefault(CallKey(DevnetTaskKind.DissolveMinipool, to, null));
        }

        if (input.Length == 36 && selector.SequenceEqual(Megapool.DissolveValidatorSelector))
        {
            var id = new DissolveValidatorFunction().DecodeInput(input.ToHex(true)).ValidatorId;
            return byCall.GetValueOrDefault(CallKey(DevnetTaskKind.DissolveMegapoolValidator, to, id));
        }

        var kind = selector.SequenceEqual(NotifyExitSelector) ? DevnetTaskKind.NotifyExit
            : selector.SequenceEqual(DissolveWithProofSelector) ? DevnetTaskKind.DissolveProof
            : selector.SequenceEqual(NotifyFinalBalanceSelector) ? DevnetTaskKind.FinalBalance
            : (DevnetTaskKind?)null;
        if (kind is null || to != manager || input.Length < 68)
        {
            return null;
        }

        // The manager's three proof calls start with (address megapool, uint32 validatorId): both static, so they are the
        // first two head words whatever the proofs after them hold.
        var megapool = new Address(input.AsSpan(4 + 12, 20).ToArray());
        var validatorId = BinaryPrimitives.ReadUInt32BigEndian(input.AsSpan(4 + 32 + 28, 4));
        return byCall.GetValueOrDefault(CallKey(kind.Value, megapool, validatorId));
    }

    private static async Task<List<ScannedBlock>> ReadBlocksAsync(IClient rpc, ulong from, ulong to, CancellationToken cancellationToken)
    {
        var blocks = new List<ScannedBlock>();
        for (var start = from; start <= to; start += 50)
        {
            var end = Math.Min(to, start + 49);
            var requests = Enumerable.Range(0, (int)(end - start + 1)).Select(i => new JsonRpcRequest("eth_getBlockByNumber", [Hex.EncodeQuantity(start + (ulong)i), true])).ToArray();
            foreach (var response in await rpc.SendBatchAsync(requests, cancellationToken))
            {
                var b = response.GetResultOrThrow();
                blocks.Add(new ScannedBlock(
                    Hex.DecodeQuantityUInt64(b.GetProperty("number").GetString()!),
                    Hex.DecodeQuantityUInt64(b.GetProperty("timestamp").GetString()!),
                    b.GetProperty("transactions").EnumerateArray().Select(t => new ScannedTx(
                        Hash32.Parse(t.GetProperty("hash").GetString()!),
                        Address.Parse(t.GetProperty("from").GetString()!.ToLowerInvariant()),
                        t.TryGetProperty("to", out var toElement) && toElement.ValueKind == JsonValueKind.String ? Address.Parse(toElement.GetString()!.ToLowerInvariant()) : null,
                        Hex.Decode(t.GetProperty("input").GetString()!))).ToArray()));
            }
        }

        return blocks;
    }

    private static async Task<Dictionary<Hash32, (bool Succeeded, ulong GasUsed)>> ReadReceiptsAsync(IClient rpc, IReadOnlyList<Hash32> hashes, CancellationToken cancellationToken)
    {
        var receipts = new Dictionary<Hash32, (bool, ulong)>();
        foreach (var chunk in hashes.Chunk(200))
        {
            var responses = await rpc.SendBatchAsync(chunk.Select(h => new JsonRpcRequest("eth_getTransactionReceipt", [h.ToString()])).ToArray(), cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                var r = responses[i].GetResultOrThrow();
                receipts[chunk[i]] = (r.GetProperty("status").GetString() == "0x1", Hex.DecodeQuantityUInt64(r.GetProperty("gasUsed").GetString()!));
            }
        }

        return receipts;
    }

    private sealed record ScannedBlock(ulong Number, ulong Timestamp, IReadOnlyList<ScannedTx> Transactions);

    private sealed record ScannedTx(Hash32 Hash, Address From, Address? To, byte[] Input);

    private sealed record ChainScan(List<ScannedBlock> Blocks, Dictionary<Hash32, (bool Succeeded, ulong GasUsed)> Receipts, List<(ScannedBlock Block, ScannedTx Tx, DevnetTask Task)> ActionTxs);

    private sealed record TaskOutcome(DevnetTask Task, bool Done, bool ByKeeper, int Duplicates, int Reverted, ulong GasWasted, long? Latency);
}
