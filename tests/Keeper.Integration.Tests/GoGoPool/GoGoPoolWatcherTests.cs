using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching.GoGoPool;
using Keeper.Host.Devnet;
using Nethereum.Util;
using Xunit;

namespace Keeper.Integration.Tests.GoGoPool;

/// <summary>
/// The GoGoPool watcher on the harness: what a cold start reports, status changes at their blocks, a started rewards
/// cycle, quiet polls, a reorg and a MinipoolManager moved by an upgrade. Several steps per test keep anvil starts few.
/// </summary>
public sealed class GoGoPoolWatcherTests : GoGoPoolTestBase
{
    private const ulong Day = 24 * 60 * 60;

    private Address Owner => Chain.Keys[1].Address;

    // Made-up node IDs 0xb0…01, 0xb0…02, …
    private static Address Node(int i)
    {
        var bytes = new byte[20];
        bytes[0] = 0xb0;
        bytes[19] = (byte)(i + 1);
        return new Address(bytes);
    }

    [Fact]
    public async Task Poll_ColdStartThenChanges_ReportsEveryMinipoolThenEachChangeAtItsBlock()
    {
        var statuses = Enum.GetValues<GoGoMinipoolStatus>();
        var now = await HeadTimeAsync();
        foreach (var status in statuses)
        {
            var i = (ulong)status;
            await Harness.SeedMinipoolAsync(Node((int)i), Owner, status, (14 + i) * Day, now - (20 * Day) + i, now - (15 * Day) + i, status == GoGoMinipoolStatus.Withdrawable ? now - i : 0, status == GoGoMinipoolStatus.Error ? "EC1" : "");
        }

        // A page of 3 makes the cold start read the 7 records in three pages.
        var watcher = new GoGoPoolWatcher(Chain.Eth, Batch, Harness.Deployment, new GoGoPoolWatcherOptions { MinipoolPageSize = 3 });
        var settings = await new ProtocolDao(Batch, Harness.Deployment.ProtocolDao).ReadSettingsAsync(BlockTag.Latest, CancellationToken.None);
        var cycle = await new RewardsPool(Batch, Harness.Deployment.RewardsPool).ReadCycleAsync(BlockTag.Latest, CancellationToken.None);
        var head = await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);

        var cold = await watcher.PollAsync(CancellationToken.None);

        Assert.Equal(statuses.Length + 3, cold.Count);
        Assert.All(cold, e => Assert.Equal((head.Number, head.Hash, head.Timestamp), (e.Block.Number, e.Block.Hash, e.Block.Timestamp)));
        Assert.Equal(settings, Assert.IsType<GoGoSettingsRead>(cold[0]).Settings);
        Assert.Equal(new GoGoPoolSettings(28 * Day, Day, 14 * Day, Day, 365 * Day, 5 * Day), settings);
        var cycleRead = Assert.IsType<GoGoRewardsCycleRead>(cold[1]);
        Assert.Equal((Harness.Deployment.RewardsPool, cycle), (cycleRead.RewardsPool, cycleRead.Cycle));
        var minipools = cold.Skip(2).Take(statuses.Length).Select(e => Assert.IsType<GoGoMinipoolRead>(e)).ToArray();
        Assert.Equal(statuses, minipools.Select(m => m.Minipool.Status));
        foreach (var read in minipools)
        {
            var m = read.Minipool;
            var i = (ulong)m.Status;
            Assert.False(read.StatusChanged);
            Assert.Equal(((long)i, Node((int)i), Owner), (m.Index, m.NodeId, m.Owner));
            Assert.Equal(((14 + i) * Day, now - (20 * Day) + i, now - (15 * Day) + i), (m.Duration, m.CreationTime, m.StartTime));
            Assert.Equal(m.Status == GoGoMinipoolStatus.Withdrawable ? now - i : 0, m.EndTime);
            Assert.Equal(m.Status == GoGoMinipoolStatus.Error, m.ErrorCode != Hash32.Zero);
        }

        Assert.IsType<GoGoHeadAdvanced>(cold[^1]);
        Assert.Equal(head.Hash, watcher.Head!.Hash);
        Assert.Equal(head.Number, watcher.ChainTip);
        Assert.Empty(await watcher.PollAsync(CancellationToken.None));

        // Three changes in three blocks, two of them the same minipool: one read each, at its block.
        var launched = await Harness.RecordStatusAsync(Node(0), GoGoMinipoolStatus.Launched);
        var staking = await Harness.RecordStatusAsync(Node(1), GoGoMinipoolStatus.Staking);
        var withdrawable = await Harness.RecordStatusAsync(Node(1), GoGoMinipoolStatus.Withdrawable);
        var blocks = new List<BlockHeader>();
        foreach (var receipt in new[] { launched, staking, withdrawable })
        {
            blocks.Add(await Chain.Eth.GetBlockAsync(BlockTag.At(receipt.BlockNumber), CancellationToken.None));
        }

        var changes = await watcher.PollAsync(CancellationToken.None);

        Assert.Equal(4, changes.Count);
        var reads = changes.Take(3).Select(e => Assert.IsType<GoGoMinipoolRead>(e)).ToArray();
        Assert.All(reads, r => Assert.True(r.StatusChanged));
        Assert.Equal(blocks.Select(b => (b.Number, b.Hash, b.Timestamp)), reads.Select(r => (r.Block.Number, r.Block.Hash, r.Block.Timestamp)));
        Assert.Equal(
            [(Node(0), GoGoMinipoolStatus.Launched), (Node(1), GoGoMinipoolStatus.Staking), (Node(1), GoGoMinipoolStatus.Withdrawable)],
            reads.Select(r => (r.Minipool.NodeId, r.Minipool.Status)));
        Assert.Equal(blocks[1].Timestamp, reads[1].Minipool.StartTime);
        Assert.Equal((blocks[1].Timestamp, blocks[2].Timestamp), (reads[2].Minipool.StartTime, reads[2].Minipool.EndTime));
        Assert.Equal(blocks[2].Hash, Assert.IsType<GoGoHeadAdvanced>(changes[^1]).Block.Hash);

        // The next rewards cycle, started in the first block that may.
        var due = cycle.NextStartTime(settings);
        var start = RewardsPool.StartRewardsCycle(Harness.Deployment.RewardsPool);
        await Chain.SetNextBlockTimestampAsync(due);
        var started = await Chain.SendStepAsync(Chain.Keys[3], start.To, start.Data, "start the rewards cycle");

        var cycleEvents = await watcher.PollAsync(CancellationToken.None);

        Assert.Equal(2, cycleEvents.Count);
        var next = Assert.IsType<GoGoRewardsCycleRead>(cycleEvents[0]);
        Assert.Equal((started.BlockNumber, due), (next.Block.Number, next.Block.Timestamp));
        Assert.Equal(Harness.Deployment.RewardsPool, next.RewardsPool);
        Assert.Equal((due, cycle.Count + 1, false), (next.Cycle.StartTime, next.Cycle.Count, next.Cycle.CanStart));
        Assert.Equal(started.BlockNumber, Assert.IsType<GoGoHeadAdvanced>(cycleEvents[1]).Block.Number);

        // A block with nothing of GoGoPool's in it only moves the head; no block, nothing at all.
        await Chain.MineAsync();
        var quiet = Assert.Single(await watcher.PollAsync(CancellationToken.None));
        Assert.Equal(started.BlockNumber + 1, Assert.IsType<GoGoHeadAdvanced>(quiet).Block.Number);
        Assert.Empty(await watcher.PollAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Poll_ReorgThenMovedMinipoolManager_ReportsTheReorgAndReadsEverythingAgain()
    {
        var now = await HeadTimeAsync();
        await Harness.SeedMinipoolAsync(Node(0), Owner, GoGoMinipoolStatus.Prelaunch, 14 * Day, now, 0, 0);
        await Harness.SeedMinipoolAsync(Node(1), Owner, GoGoMinipoolStatus.Staking, 14 * Day, now, now, 0);
        var watcher = new GoGoPoolWatcher(Chain.Eth, Batch, Harness.Deployment, new GoGoPoolWatcherOptions { SettingsRefreshBlocks = 4 });
        await watcher.PollAsync(CancellationToken.None);
        var ancestor = await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        var snapshot = await Chain.SnapshotAsync();
        await Harness.RecordStatusAsync(Node(0), GoGoMinipoolStatus.Launched);
        await Harness.SeedMinipoolAsync(Node(5), Owner, GoGoMinipoolStatus.Prelaunch, 14 * Day, now, 0, 0);
        var dropped = await watcher.PollAsync(CancellationToken.None);
        Assert.Equal(
            [(Node(0), GoGoMinipoolStatus.Launched), (Node(5), GoGoMinipoolStatus.Prelaunch)],
            dropped.OfType<GoGoMinipoolRead>().Select(r => (r.Minipool.NodeId, r.Minipool.Status)));

        await Chain.RevertAsync(snapshot);
        await Chain.SendAsync(Chain.Keys[6], Chain.Keys[7].Address, [], 1);
        await Chain.MineAsync(2);
        var head = await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        var events = await watcher.PollAsync(CancellationToken.None);

        var reorg = Assert.IsType<GoGoChainReorged>(events[0]);
        Assert.Equal((ancestor.Number, ancestor.Hash), (reorg.Block.Number, reorg.Block.Hash));
        Assert.Equal(2, reorg.Reorg.Depth);
        Assert.IsType<GoGoSettingsRead>(events[1]);
        Assert.IsType<GoGoRewardsCycleRead>(events[2]);
        var reread = events.Skip(3).SkipLast(1).Select(e => Assert.IsType<GoGoMinipoolRead>(e)).ToArray();
        Assert.Equal(
            [(Node(0), GoGoMinipoolStatus.Prelaunch), (Node(1), GoGoMinipoolStatus.Staking)],
            reread.Select(r => (r.Minipool.NodeId, r.Minipool.Status)));
        Assert.All(events.Skip(1), e => Assert.Equal(head.Hash, e.Block.Hash));
        Assert.All(reread, r => Assert.False(r.StatusChanged));
        Assert.IsType<GoGoHeadAdvanced>(events[^1]);

        // An upgrade registers a new MinipoolManager (it shares Storage, so the records stay): the refresh follows it.
        var moved = await RegisterNewMinipoolManagerAsync();
        var afterMove = await watcher.PollAsync(CancellationToken.None);

        Assert.Equal(moved, watcher.Deployment.MinipoolManager);
        Assert.Equal(
            [(Node(0), GoGoMinipoolStatus.Prelaunch), (Node(1), GoGoMinipoolStatus.Staking)],
            afterMove.OfType<GoGoMinipoolRead>().Select(r => (r.Minipool.NodeId, r.Minipool.Status)));
        Assert.Single(afterMove.OfType<GoGoSettingsRead>());
        var abi = CompiledContracts.Get("GoGoMinipoolManagerHarness");
        var launched = await Chain.SendStepAsync(Chain.Keys[0], moved, abi.EncodeCall("recordStatus", Node(0), (byte)GoGoMinipoolStatus.Launched, new byte[32]), "launch through the new MinipoolManager");

        var change = await watcher.PollAsync(CancellationToken.None);

        Assert.Equal(2, change.Count);
        var read = Assert.IsType<GoGoMinipoolRead>(change[0]);
        Assert.Equal((launched.BlockNumber, Node(0), GoGoMinipoolStatus.Launched, true), (read.Block.Number, read.Minipool.NodeId, read.Minipool.Status, read.StatusChanged));
    }

    // Deploys a second MinipoolManager and registers it under the same name, as a protocol upgrade does: 3 blocks, so the
    // 4-block refresh of the test's watcher falls due at the next poll after one more.
    private async Task<Address> RegisterNewMinipoolManagerAsync()
    {
        var storage = Harness.Deployment.Storage;
        var guardian = Chain.Keys[0];
        var manager = await Chain.DeployAsync("GoGoMinipoolManagerHarness", CompiledContracts.Get("GoGoMinipoolManagerHarness").EncodeConstructor(storage), guardian);
        var storageAbi = CompiledContracts.Get("GoGoStorageHarness");
        var exists = new Hash32(Sha3Keccack.Current.CalculateHash([.. "contract.exists"u8, .. manager.Bytes]));
        await Chain.SendStepAsync(guardian, storage, storageAbi.EncodeCall("setBool", exists, true), "mark the new MinipoolManager as a network contract");
        await Chain.SendStepAsync(guardian, storage, storageAbi.EncodeCall("setAddress", GoGoPoolContractNames.StorageKey(GoGoPoolContractNames.MinipoolManager), manager), "register the new MinipoolManager");
        await Chain.MineAsync();
        return manager;
    }
}
