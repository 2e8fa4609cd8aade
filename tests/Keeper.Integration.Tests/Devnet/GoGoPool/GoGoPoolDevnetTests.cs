using System.Text;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.GoGoPool;
using Xunit;

namespace Keeper.Integration.Tests.Devnet.GoGoPool;

/// <summary>
/// The GoGoPool half of keeper devnet on a real anvil: ten minipools seeded as planned, the rewards cycle valid from its
/// planned time, and its start counted from the chain with a test account in the keeper's place.
/// </summary>
public sealed class GoGoPoolDevnetTests : IAsyncLifetime
{
    private GoGoPoolDevnet? _devnet;

    private GoGoPoolDevnet Devnet => _devnet!;

    public async Task InitializeAsync() => _devnet = await GoGoPoolDevnet.StartAsync(10, nodes: 1, CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_devnet is not null)
        {
            await _devnet.DisposeAsync();
        }
    }

    [Fact]
    public async Task Start_Ten_SeededAsPlanned_RewardsCycleValidFromItsPlannedTime_ReportCountsTheStartAndAnEarlyDuplicate()
    {
        var chain = Devnet.Chain;
        var batch = new BatchCaller(chain.Eth);
        var manager = new GoGoMinipoolManager(chain.Eth, batch, Devnet.Harness.Deployment.MinipoolManager);
        Assert.Equal(GoGoPoolDevnet.ChainId, await chain.Eth.ChainIdAsync(CancellationToken.None));

        // Every minipool reads back as planned, through the keeper's own bindings.
        var seeded = await manager.GetMinipoolsAsync(0, await manager.GetMinipoolCountAsync(BlockTag.Latest, CancellationToken.None), BlockTag.Latest, CancellationToken.None);
        Assert.Equal(
            Devnet.Plan.Minipools.Select(p => (p.NodeId, Devnet.Owners[p.OwnerIndex].Address, p.Status, p.Duration, p.CreationTime, p.StartTime, p.EndTime, p.ErrorCode)),
            seeded.Select(m => (m.NodeId, m.Owner, m.Status, m.Duration, m.CreationTime, m.StartTime, m.EndTime, Encoding.ASCII.GetString(m.ErrorCode.Bytes).TrimEnd('\0'))));

        // The rewards cycle is valid from its planned time to the second.
        var due = Devnet.RewardsCycle.DueAt;
        Assert.False(await CanStartAtAsync(due - 1));
        Assert.True(await CanStartAtAsync(due));

        // A test account stands in for the keeper: one start far too early (reverted), then one in the first block at the
        // due time. Driving the clock through every mark with keepers is DevnetProcessTests' (--gogopool on two nodes).
        var keeper = chain.Keys[1];
        var fromBlock = await chain.Eth.BlockNumberAsync(CancellationToken.None) + 1;
        var start = RewardsPool.StartRewardsCycle(Devnet.Harness.Deployment.RewardsPool);
        var early = await chain.SendAsync(keeper, start.To, start.Data, gas: 300_000);
        Assert.False(early.Succeeded, "a start long before the cycle is valid must revert");
        await chain.SetNextBlockTimestampAsync(due);
        var onTime = await chain.SendAsync(keeper, start.To, start.Data, gas: 300_000);
        Assert.True(onTime.Succeeded, "the start in the block at the due time must succeed");
        var toBlock = await chain.Eth.BlockNumberAsync(CancellationToken.None);

        // The chain's count: one start, by the keeper's account; its early one reverted and counts as a duplicate.
        var cycle = await new RewardsPool(batch, Devnet.Harness.Deployment.RewardsPool).ReadCycleAsync(BlockTag.Latest, CancellationToken.None);
        Assert.Equal((1UL, due), (cycle.Count, cycle.StartTime));
        var report = await DevnetReportBuilder.BuildAsync(
            chain.Rpc, Address.Zero, [], [("node-1", keeper.Address, 0)], 0, 0, CancellationToken.None,
            gogopool: new DevnetSecondChain(chain.Rpc, Devnet.Harness.Deployment.RewardsPool, [Devnet.RewardsCycle], fromBlock, toBlock));
        var kind = report.Tasks.ByKind["start-rewards-cycle:gogopool"];
        Assert.Equal((1, 1, 1, 1, 1), (kind.Due, kind.Done, kind.DoneByKeeper, kind.Duplicates, kind.Reverted));
        Assert.Equal(0L, kind.LatencyBlocks);
        Assert.Equal((1, 1, 1, 1, 1), (report.Tasks.Due, report.Tasks.Done, report.Tasks.DoneByKeeper, report.Tasks.Duplicates, report.Tasks.Reverted));
        Assert.Equal(2, Assert.Single(report.Nodes).Submitted);
    }

    private async Task<bool> CanStartAtAsync(ulong time)
    {
        var call = ContractAbi.Call<CanStartRewardsCycleFunction>(Devnet.Harness.Deployment.RewardsPool);
        var result = await Devnet.Chain.Eth.CallAsync(call, BlockTag.Latest, CancellationToken.None, new BlockOverrides(Time: time));
        return ContractAbi.DecodeReturn<CanStartRewardsCycleFunction, bool>(result);
    }
}
