using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.GoGoPool.Events;
using Keeper.Chain.Eth;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;

namespace Keeper.Chain.Watching.GoGoPool;

/// <content>New blocks: their logs, and the reads they call for.</content>
public sealed partial class GoGoPoolWatcher
{
    // Returns false when a reorg raced the log read: nothing of these blocks was reported, and the next poll reads them again.
    private async Task<bool> ProcessBlocksAsync(IReadOnlyList<BlockHeader> blocks, List<GoGoPoolEvent> events, CancellationToken cancellationToken)
    {
        var from = blocks[0].Number;
        var to = blocks[^1].Number;
        var topics = GoGoPoolEvents.AllTopics;
        // A clear bloom proves a block holds none of the events: most blocks, so most polls need no eth_getLogs at all.
        var quiet = blocks.All(b => b.LogsBloom is { } bloom && !LogsBloom.MayContainAny(bloom, topics));
        var filter = new LogFilter(from, to, [_deployment.MinipoolManager, _deployment.RewardsPool], [topics]);
        var logs = quiet ? [] : await _logs.GetLogsAsync(filter, cancellationToken);
        var headers = blocks.ToDictionary(b => b.Number);
        if (logs.Any(l => !headers.TryGetValue(l.BlockNumber, out var h) || h.Hash != l.BlockHash))
        {
            // The logs belong to another branch than the headers we hold: a reorg raced us. The next poll reports it.
            _follower.Rewind(from - 1);
            LogRaceRewind(_logger, from, to);
            return false;
        }

        var decoded = logs.Select(Decode).OfType<GoGoPoolLog>().ToArray();
        var records = await ReadByNodeIdAsync(decoded.OfType<MinipoolStatusChangedLog>().Select(l => (l.BlockNumber, l.NodeId)).Distinct().ToArray(), cancellationToken);
        var reported = new HashSet<(ulong, Address)>();
        var cycleBlocks = new HashSet<ulong>();
        foreach (var log in decoded)
        {
            var block = BlockRef.Of(headers[log.BlockNumber]);
            switch (log)
            {
                case MinipoolStatusChangedLog status when reported.Add((status.BlockNumber, status.NodeId)):
                    events.Add(new GoGoMinipoolRead(block, records[(status.BlockNumber, status.NodeId)], StatusChanged: true));
                    break;
                case RewardsCycleStartedLog when cycleBlocks.Add(log.BlockNumber):
                    var cycle = await _rewardsPool.ReadCycleAsync(BlockTag.At(log.BlockNumber), cancellationToken);
                    events.Add(new GoGoRewardsCycleRead(block, _rewardsPool.Address, cycle));
                    LogRewardsCycleStarted(_logger, log.BlockNumber, cycle.Count);
                    break;
            }
        }

        return true;
    }

    // Keeps the events from the contracts they must come from (a topic alone proves nothing). One of ours whose body does
    // not decode means the address is not GoGoPool's contract, or it changed its events: that is an error, not noise.
    private GoGoPoolLog? Decode(LogEntry log)
    {
        var expected = log.Topics.Count > 0 && log.Topics[0] == GoGoPoolEvents.MinipoolStatusChangedTopic ? _deployment.MinipoolManager
            : log.Topics.Count > 0 && log.Topics[0] == GoGoPoolEvents.RewardsCycleStartedTopic ? _deployment.RewardsPool
            : (Address?)null;
        if (expected is null || log.Address != expected)
        {
            return null;
        }

        return GoGoPoolEvents.TryDecode(log) ?? throw new GoGoPoolBindingException(
            $"{(expected == _deployment.MinipoolManager ? "MinipoolManager" : "RewardsPool")} at {log.Address} emitted a log in block {log.BlockNumber} (transaction {log.TransactionHash}) " +
            "with GoGoPool's topic but a body GoGoPool does not define (a status out of range or another layout). Is the configured Storage GoGoPool's?");
    }

    // Reads each (block, node ID) record at its block, all in one JSON-RPC batch per page (a batch may mix blocks, which
    // BatchCaller's one-block reads cannot).
    private async Task<Dictionary<(ulong Block, Address NodeId), GoGoMinipool>> ReadByNodeIdAsync(IReadOnlyList<(ulong Block, Address NodeId)> keys, CancellationToken cancellationToken)
    {
        var records = new Dictionary<(ulong, Address), GoGoMinipool>(keys.Count);
        foreach (var page in keys.Chunk(_options.MinipoolPageSize))
        {
            var requests = page.Select(k => new JsonRpcRequest("eth_call", EthApi.CallParameters(_minipools.GetMinipoolByNodeIdCall(k.NodeId), BlockTag.At(k.Block)))).ToArray();
            var responses = await _eth.Rpc.SendBatchAsync(requests, cancellationToken);
            for (var i = 0; i < page.Length; i++)
            {
                records[page[i]] = DecodeRecord(page[i].Block, page[i].NodeId, RpcJson.Data(responses[i].GetResultOrThrow(), "return data", "eth_call"));
            }
        }

        return records;
    }

    private GoGoMinipool DecodeRecord(ulong block, Address nodeId, byte[] data)
    {
        GoGoMinipool record;
        try
        {
            record = GoGoMinipoolManager.DecodeMinipool(data);
        }
        catch (ContractDecodingException ex)
        {
            throw new GoGoPoolBindingException($"MinipoolManager at {_minipools.Address} answered getMinipoolByNodeID({nodeId}) at block {block} with data that is not GoGoPool's Minipool record. Is the configured Storage GoGoPool's?", ex);
        }

        return record.Index >= 0 && record.NodeId == nodeId
            ? record
            : throw new GoGoPoolBindingException($"MinipoolManager at {_minipools.Address} emitted MinipoolStatusChanged for node {nodeId} in block {block} but getMinipoolByNodeID at that block answered index {record.Index}, node {record.NodeId}. Is the configured Storage GoGoPool's?");
    }
}
