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
/// The GoGoPool half of keeper devnet on a real anvil: ten minipools seeded as planned, then the clock driven through every
/// mark with a test account in the keeper's place, and the start of the rewards cycle counted from the chain.
/// </summary>
public sealed class GoGoPoolDevnetTests : IAsyncLifetime
{
    private const int BlockSeconds = 1;
    private static readonly TimeSpan DriveTimeout = TimeSpan.FromMinutes(5);
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
    public async Task StartAndDrive_Ten_SeededAsPlanned_ControlsQuiet_RewardsCycleStartedOnceFromItsFirstValidTime()
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

        // Drive: a test account stands in for the keeper: one start far too early (reverted), one for the first block at or after the due time.
        var keeper = chain.Keys[1];
        var fromBlock = await chain.Eth.BlockNumberAsync(CancellationToken.None) + 1;
        var start = RewardsPool.StartRewardsCycle(Devnet.Harness.Deployment.RewardsPool);
        await Devnet.StartMiningAsync(BlockSeconds, CancellationToken.None);
        await chain.Eth.SendRawTransactionAsync((await chain.SignAsync(keeper, start.To, start.Data, gas: 300_000)).Bytes, CancellationToken.None);
        using var timeout = new CancellationTokenSource(DriveTimeout);
        var driving = new GoGoPoolTimeDriver(Devnet, BlockSeconds, TextWriter.Null).DriveAsync(timeout.Token);
        var sent = false;
        while (!driving.IsCompleted)
        {
            var head = await chain.Eth.GetBlockAsync(BlockTag.Latest, timeout.Token);
            if (!sent && head.Timestamp + BlockSeconds >= due)
            {
                await chain.Eth.SendRawTransactionAsync((await chain.SignAsync(keeper, start.To, start.Data, gas: 300_000)).Bytes, timeout.Token);
                sent = true;
            }

            await Task.WhenAny(driving, Task.Delay(100, timeout.Token));
        }

        var toBlock = await driving;
        var end = await chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);

        // Every mark passed; the alerted minipools stay as seeded, the controls were taken out in time and are Finished.
        Assert.True(end.Timestamp >= Devnet.Plan.Marks[^1], $"the run ended at {end.Timestamp}, before its last mark {Devnet.Plan.Marks[^1]}");
        var final = await manager.GetMinipoolsAsync(0, 10, BlockTag.Latest, CancellationToken.None);
        foreach (var (planned, now) in Devnet.Plan.Minipools.Zip(final))
        {
            var expected = planned.Case is GoGoPoolSeedCase.WithdrawnInTime or GoGoPoolSeedCase.EndedInTime ? GoGoMinipoolStatus.Finished : planned.Status;
            Assert.True(expected == now.Status, $"{planned.Case} {planned.NodeId} is {now.Status}, expected {expected}");
            Assert.True(planned.AlertAfter < end.Timestamp, $"{planned.Case}'s boundary {planned.AlertAfter} was not passed by {end.Timestamp}");
        }

        var ended = final[Devnet.Plan.Minipools.ToList().FindIndex(p => p.Case == GoGoPoolSeedCase.EndedInTime)];
        Assert.True(ended.EndTime <= Devnet.Plan.Actions.Single(a => !a.Withdraw).Boundary, $"the control's end {ended.EndTime} was recorded after it was overdue");

        // The chain's count: one start, by the keeper's account; its early one reverted and counts as a duplicate.
        var cycle = await new RewardsPool(batch, Devnet.Harness.Deployment.RewardsPool).ReadCycleAsync(BlockTag.Latest, CancellationToken.None);
        Assert.Equal(1UL, cycle.Count);
        Assert.True(cycle.StartTime >= due, $"the cycle started at {cycle.StartTime}, before it was valid at {due}");
        var report = await DevnetReportBuilder.BuildAsync(
            chain.Rpc, Address.Zero, [], [("node-1", keeper.Address, 0)], 0, 0, CancellationToken.None,
            gogopool: new DevnetSecondChain(chain.Rpc, Devnet.Harness.Deployment.RewardsPool, [Devnet.RewardsCycle], fromBlock, toBlock));
        var kind = report.Tasks.ByKind["start-rewards-cycle:gogopool"];
        Assert.Equal((1, 1, 1, 1, 1), (kind.Due, kind.Done, kind.DoneByKeeper, kind.Duplicates, kind.Reverted));
        Assert.NotNull(kind.LatencyBlocks);
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
