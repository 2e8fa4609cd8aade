using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.GoGoPool.Events;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching.GoGoPool;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Keeper.Chain.Tests.Watching.GoGoPool;

public sealed class GoGoPoolWatcherTests
{
    private static readonly Address NodeA = FakeGoGoChain.At(0xa01);
    private static readonly Address NodeB = FakeGoGoChain.At(0xa02);

    private static GoGoPoolWatcher Watcher(FakeGoGoChain chain, GoGoPoolWatcherOptions? options = null, ILoggerFactory? loggers = null)
    {
        var eth = new EthApi(chain);
        return new GoGoPoolWatcher(eth, new BatchCaller(eth), FakeGoGoChain.Deployment, options, loggers);
    }

    private static async Task<(FakeGoGoChain Chain, GoGoPoolWatcher Watcher)> StartedAsync(GoGoPoolWatcherOptions? options = null, ILoggerFactory? loggers = null)
    {
        var chain = new FakeGoGoChain(5);
        chain.Mine(s =>
        {
            s.SetStatus(NodeA, GoGoMinipoolStatus.Prelaunch);
            s.SetStatus(NodeB, GoGoMinipoolStatus.Launched);
        });
        var watcher = Watcher(chain, options, loggers);
        await watcher.PollAsync(CancellationToken.None);
        chain.Requests.Clear();
        return (chain, watcher);
    }

    [Fact]
    public async Task PollAsync_ColdStart_ReadsEverythingAtOneBlockInPages()
    {
        var chain = new FakeGoGoChain(3);
        chain.Mine(s =>
        {
            for (var i = 0; i < 5; i++)
            {
                s.SetStatus(FakeGoGoChain.At(0xa00 + i), (GoGoMinipoolStatus)i);
            }
        });
        chain.Mine();
        var watcher = Watcher(chain, new GoGoPoolWatcherOptions { MinipoolPageSize = 2 });

        var events = await watcher.PollAsync(CancellationToken.None);

        Assert.All(events, e => Assert.Equal((4UL, chain.HashAt(4), chain.TimeAt(4)), (e.Block.Number, e.Block.Hash, e.Block.Timestamp)));
        Assert.Equal(FakeGoGoChain.Settings, Assert.IsType<GoGoSettingsRead>(events[0]).Settings);
        var cycle = Assert.IsType<GoGoRewardsCycleRead>(events[1]);
        Assert.Equal((FakeGoGoChain.RewardsPool, 3UL), (cycle.RewardsPool, cycle.Cycle.Count));
        var reads = events.Skip(2).Take(5).Select(e => Assert.IsType<GoGoMinipoolRead>(e)).ToArray();
        Assert.Equal([0L, 1, 2, 3, 4], reads.Select(r => r.Minipool.Index));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => ((GoGoMinipoolStatus)i, false)), reads.Select(r => (r.Minipool.Status, r.StatusChanged)));
        Assert.IsType<GoGoHeadAdvanced>(Assert.Single(events.Skip(7)));
        // Head, Storage's code and registry, settings, cycle, count, then three pages of records.
        Assert.Equal(["eth_getBlockByNumber", "eth_getCode", "batch:3", "batch:6", "batch:4", "eth_call", "batch:2", "batch:2", "batch:1"], chain.Requests);
        Assert.Equal((4UL, (ulong?)4), (watcher.Head!.Number, watcher.ChainTip));
    }

    [Fact]
    public async Task PollAsync_SteadyState_HeadAloneThenHeadAndOneLogRequest()
    {
        var (chain, watcher) = await StartedAsync();

        Assert.Empty(await watcher.PollAsync(CancellationToken.None));
        Assert.Equal(["eth_getBlockByNumber"], chain.Requests);

        chain.Requests.Clear();
        chain.Mine();
        var events = await watcher.PollAsync(CancellationToken.None);

        Assert.Equal(6UL, Assert.IsType<GoGoHeadAdvanced>(Assert.Single(events)).Block.Number);
        Assert.Equal(["eth_getBlockByNumber", "eth_getLogs"], chain.Requests);
        var filter = chain.LogFilters[^1];
        Assert.Equal(
            [FakeGoGoChain.MinipoolManager.ToLowerHex(), FakeGoGoChain.RewardsPool.ToLowerHex()],
            filter["address"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(
            new[] { GoGoPoolEvents.MinipoolStatusChangedTopic.ToString(), GoGoPoolEvents.RewardsCycleStartedTopic.ToString() }.Order(StringComparer.Ordinal),
            filter["topics"]![0]!.AsArray().Select(t => (string)t!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PollAsync_StatusChangesInSeveralBlocks_OneBatchedReadPerBlockAndNodeInChainOrder()
    {
        var (chain, watcher) = await StartedAsync();
        chain.Mine(s =>
        {
            s.SetStatus(NodeB, GoGoMinipoolStatus.Staking);
            s.SetStatus(NodeA, GoGoMinipoolStatus.Launched);
        });
        chain.Mine(s =>
        {
            s.SetStatus(NodeA, GoGoMinipoolStatus.Staking);
            s.EmitStatusLog(FakeGoGoChain.MinipoolManager, NodeA, (byte)GoGoMinipoolStatus.Staking);
        });
        chain.Mine();

        var events = await watcher.PollAsync(CancellationToken.None);

        var reads = events.SkipLast(1).Select(e => Assert.IsType<GoGoMinipoolRead>(e)).ToArray();
        Assert.Equal(
            [(6UL, NodeB, GoGoMinipoolStatus.Staking), (6UL, NodeA, GoGoMinipoolStatus.Launched), (7UL, NodeA, GoGoMinipoolStatus.Staking)],
            reads.Select(r => (r.Block.Number, r.Minipool.NodeId, r.Minipool.Status)));
        Assert.All(reads, r => Assert.True(r.StatusChanged));
        Assert.All(reads, r => Assert.Equal((chain.HashAt((int)r.Block.Number), chain.TimeAt((int)r.Block.Number)), (r.Block.Hash, r.Block.Timestamp)));
        Assert.Equal((chain.TimeAt(6), chain.TimeAt(7)), (reads[0].Minipool.StartTime, reads[2].Minipool.StartTime));
        Assert.Equal(8UL, Assert.IsType<GoGoHeadAdvanced>(events[^1]).Block.Number);
        // Head, the headers of the new blocks, one log request, one batch of three reads.
        Assert.Equal(["eth_getBlockByNumber", "batch:3", "eth_getLogs", "batch:3"], chain.Requests);
    }

    [Fact]
    public async Task PollAsync_RewardsCycleStarted_ReadsTheCycleAtThatBlock()
    {
        var (chain, watcher) = await StartedAsync();
        chain.Mine(s => s.StartCycle());

        var events = await watcher.PollAsync(CancellationToken.None);

        Assert.Equal(2, events.Count);
        var read = Assert.IsType<GoGoRewardsCycleRead>(events[0]);
        Assert.Equal((6UL, FakeGoGoChain.RewardsPool), (read.Block.Number, read.RewardsPool));
        Assert.Equal((4UL, chain.TimeAt(6)), (read.Cycle.Count, read.Cycle.StartTime));
        Assert.IsType<GoGoHeadAdvanced>(events[1]);
    }

    [Fact]
    public async Task PollAsync_RefreshInterval_ReResolvesAndFollowsAMovedRewardsPool()
    {
        var loggers = new CollectingLoggerFactory();
        var (chain, watcher) = await StartedAsync(new GoGoPoolWatcherOptions { SettingsRefreshBlocks = 3 }, loggers);
        var moved = FakeGoGoChain.At(0x63);
        chain.Mine(s => s.Registry[GoGoPoolContractNames.RewardsPool] = moved);
        chain.Mine();
        var beforeDue = await watcher.PollAsync(CancellationToken.None);
        chain.Mine();

        var due = await watcher.PollAsync(CancellationToken.None);
        chain.Mine(s => s.StartCycle());
        var started = await watcher.PollAsync(CancellationToken.None);

        Assert.IsType<GoGoHeadAdvanced>(Assert.Single(beforeDue));
        Assert.Equal(3, due.Count);
        Assert.Equal((8UL, FakeGoGoChain.Settings), (Assert.IsType<GoGoSettingsRead>(due[0]).Block.Number, ((GoGoSettingsRead)due[0]).Settings));
        Assert.Equal(moved, Assert.IsType<GoGoRewardsCycleRead>(due[1]).RewardsPool);
        Assert.Equal(moved, watcher.Deployment.RewardsPool);
        Assert.Single(loggers.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("contract addresses changed at block 8", StringComparison.Ordinal));
        var read = Assert.IsType<GoGoRewardsCycleRead>(started[0]);
        Assert.Equal((moved, 4UL), (read.RewardsPool, read.Cycle.Count));
    }

    [Fact]
    public async Task PollAsync_Reorg_ReportsItThenEveryMinipoolAtTheNewHead()
    {
        var (chain, watcher) = await StartedAsync();
        chain.Mine(s => s.SetStatus(NodeA, GoGoMinipoolStatus.Launched));
        chain.Mine(s => s.SetStatus(FakeGoGoChain.At(0xa09), GoGoMinipoolStatus.Prelaunch));
        await watcher.PollAsync(CancellationToken.None);
        chain.Reorg(5);
        chain.Mine();
        chain.Mine(s => s.SetStatus(NodeB, GoGoMinipoolStatus.Staking));
        chain.Mine();

        var events = await watcher.PollAsync(CancellationToken.None);

        var reorg = Assert.IsType<GoGoChainReorged>(events[0]);
        Assert.Equal((5UL, 2), (reorg.Block.Number, reorg.Reorg.Depth));
        var changed = Assert.IsType<GoGoMinipoolRead>(events[1]);
        Assert.Equal((7UL, NodeB, true), (changed.Block.Number, changed.Minipool.NodeId, changed.StatusChanged));
        Assert.IsType<GoGoSettingsRead>(events[2]);
        Assert.IsType<GoGoRewardsCycleRead>(events[3]);
        var reread = events.Skip(4).SkipLast(1).Select(e => Assert.IsType<GoGoMinipoolRead>(e)).ToArray();
        Assert.Equal([(NodeA, GoGoMinipoolStatus.Prelaunch), (NodeB, GoGoMinipoolStatus.Staking)], reread.Select(r => (r.Minipool.NodeId, r.Minipool.Status)));
        Assert.All(events.Skip(2), e => Assert.Equal((8UL, chain.HashAt(8)), (e.Block.Number, e.Block.Hash)));
    }

    [Fact]
    public async Task PollAsync_RecordWithAStatusGoGoPoolDoesNotDefine_ThrowsNamingTheNodeThenRetriesTheBlocks()
    {
        var (chain, watcher) = await StartedAsync();
        chain.Mine(s =>
        {
            s.SetRecord(NodeA, 9);
            s.EmitStatusLog(FakeGoGoChain.MinipoolManager, NodeA, (byte)GoGoMinipoolStatus.Launched);
        });

        var first = await Assert.ThrowsAsync<GoGoPoolBindingException>(() => watcher.PollAsync(CancellationToken.None));
        var again = await Assert.ThrowsAsync<GoGoPoolBindingException>(() => watcher.PollAsync(CancellationToken.None));

        Assert.Contains(NodeA.ToLowerHex(), first.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("status 9", first.Message, StringComparison.Ordinal);
        Assert.Equal(first.Message, again.Message);
        Assert.Equal(5UL, watcher.Head!.Number);
    }

    [Fact]
    public async Task PollAsync_ReorgPollFails_TheNextPollStillReportsTheReorgAndReadsEverything()
    {
        var (chain, watcher) = await StartedAsync();
        chain.Mine(s => s.SetStatus(NodeA, GoGoMinipoolStatus.Launched));
        await watcher.PollAsync(CancellationToken.None);
        chain.Reorg(5);
        chain.Mine(s =>
        {
            s.SetRecord(NodeB, 9);
            s.EmitStatusLog(FakeGoGoChain.MinipoolManager, NodeB, (byte)GoGoMinipoolStatus.Staking);
        });
        await Assert.ThrowsAsync<GoGoPoolBindingException>(() => watcher.PollAsync(CancellationToken.None));
        chain.Reorg(5);
        chain.Mine(s => s.SetStatus(NodeB, GoGoMinipoolStatus.Staking));

        var events = await watcher.PollAsync(CancellationToken.None);

        Assert.Equal(5UL, Assert.IsType<GoGoChainReorged>(events[0]).Block.Number);
        Assert.Equal((NodeB, true), (Assert.IsType<GoGoMinipoolRead>(events[1]).Minipool.NodeId, ((GoGoMinipoolRead)events[1]).StatusChanged));
        Assert.Equal(
            [(NodeA, GoGoMinipoolStatus.Prelaunch), (NodeB, GoGoMinipoolStatus.Staking)],
            events.Skip(4).SkipLast(1).Select(e => Assert.IsType<GoGoMinipoolRead>(e)).Select(r => (r.Minipool.NodeId, r.Minipool.Status)));
        Assert.Equal(chain.HashAt(6), Assert.IsType<GoGoHeadAdvanced>(events[^1]).Block.Hash);
        Assert.Empty(await watcher.PollAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PollAsync_NewBranchFetchFailsAfterTheFollowerDroppedBlocks_TheNextPollReportsTheReorg()
    {
        var (chain, watcher) = await StartedAsync();
        chain.Mine(s => s.SetStatus(NodeA, GoGoMinipoolStatus.Launched));
        await watcher.PollAsync(CancellationToken.None);
        chain.Reorg(5);
        chain.Mine();
        chain.Mine();
        // The follower's fetch of the new branch (blocks 6 and 7, after it found the ancestor) fails.
        chain.FailBatchOnce = requests => requests.Count == 2 && requests.Select(r => (string)r.Parameters[0]!).SequenceEqual(["0x6", "0x7"]);
        await Assert.ThrowsAnyAsync<Exception>(() => watcher.PollAsync(CancellationToken.None));
        Assert.Null(chain.FailBatchOnce);

        var events = await watcher.PollAsync(CancellationToken.None);

        var reorg = Assert.IsType<GoGoChainReorged>(events[0]);
        Assert.Equal((5UL, 1), (reorg.Block.Number, reorg.Reorg.Depth));
        Assert.Equal(
            [(NodeA, GoGoMinipoolStatus.Prelaunch), (NodeB, GoGoMinipoolStatus.Launched)],
            events.OfType<GoGoMinipoolRead>().Select(r => (r.Minipool.NodeId, r.Minipool.Status)));
        Assert.Equal(chain.HashAt(7), Assert.IsType<GoGoHeadAdvanced>(events[^1]).Block.Hash);
    }

    [Fact]
    public async Task PollAsync_StatusLogGoGoPoolDoesNotDefine_ThrowsNamingTheContractAndBlock()
    {
        var (chain, watcher) = await StartedAsync();
        chain.Mine(s => s.EmitStatusLog(FakeGoGoChain.MinipoolManager, NodeA, 7));

        var error = await Assert.ThrowsAsync<GoGoPoolBindingException>(() => watcher.PollAsync(CancellationToken.None));

        Assert.Contains($"MinipoolManager at {FakeGoGoChain.MinipoolManager}", error.Message, StringComparison.Ordinal);
        Assert.Contains("block 6", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 300, "MinipoolPageSize")]
    [InlineData(500, 0, "SettingsRefreshBlocks")]
    public void Options_OutOfRange_NameTheSetting(int pageSize, ulong refreshBlocks, string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => new GoGoPoolWatcherOptions { MinipoolPageSize = pageSize, SettingsRefreshBlocks = refreshBlocks }.Validate());

        Assert.Contains($"GoGoPoolWatcherOptions.{setting}", error.Message, StringComparison.Ordinal);
    }
}
