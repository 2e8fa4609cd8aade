using System.Text;
using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.GoGoPool.Events;
using Keeper.Chain.Contracts.GoGoPool.RewardsPoolDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Rpc;
using Nethereum.Util;
using Xunit;

namespace Keeper.Integration.Tests.GoGoPool;

/// <summary>
/// <c>startRewardsCycle()</c> is valid from the first block whose timestamp reaches the time the bindings predict, and
/// once per cycle: the boundary to the second, simulated with a block override and then mined.
/// </summary>
public sealed class GoGoPoolRewardsCycleTests : GoGoPoolTestBase
{
    private const ulong Day = 24 * 60 * 60;

    private RewardsPool Pool => new(Batch, Harness.Deployment.RewardsPool);

    [Theory]
    [InlineData(28 * Day, Day)] // the protocol's defaults: the cycle decides
    [InlineData(3_600, Day)] // a cycle shorter than an inflation interval: the interval decides
    public async Task StartRewardsCycle_OneSecondEarlyReverts_AtTheBoundarySucceeds_ThenNotAgain(ulong cycleSeconds, ulong inflationSeconds)
    {
        await Harness.SetSettingAsync("RewardsCycleSeconds", cycleSeconds);
        await Harness.SetSettingAsync("InflationIntervalSeconds", inflationSeconds);
        var settings = await new ProtocolDao(Batch, Harness.Deployment.ProtocolDao).ReadSettingsAsync(BlockTag.Latest, CancellationToken.None);
        var before = await Pool.ReadCycleAsync(BlockTag.Latest, CancellationToken.None);
        var due = before.NextStartTime(settings);

        Assert.Equal(before.StartTime + Math.Max(cycleSeconds, inflationSeconds), due);
        Assert.False(before.CanStart);
        Assert.False(await CanStartAtAsync(due - 1));
        Assert.True(await CanStartAtAsync(due));
        Assert.True(RewardsPool.IsUnableToStart(await RevertDataAtAsync(due - 1)));

        var early = await MineStartAtAsync(due - 1);
        var onTime = await MineStartAtAsync(due);
        var again = await MineStartAtAsync(due + 1);

        Assert.False(early.Succeeded);
        Assert.True(onTime.Succeeded);
        Assert.False(again.Succeeded);
        Assert.True(RewardsPool.IsUnableToStart(await RevertDataAtAsync(due + 1)));
        var started = Assert.Single(onTime.Logs.Select(GoGoPoolEvents.TryDecode).OfType<RewardsCycleStartedLog>());
        Assert.Equal(Harness.Deployment.RewardsPool, started.Emitter);
        var after = await Pool.ReadCycleAsync(BlockTag.Latest, CancellationToken.None);
        Assert.Equal((due, before.Count + 1, due, false), (after.StartTime, after.Count, after.InflationIntervalStartTime, after.CanStart));
        Assert.Equal(due + Math.Max(cycleSeconds, inflationSeconds), after.NextStartTime(settings));
    }

    [Fact]
    public async Task CanStartRewardsCycle_Paused_IsFalseAndStartReverts()
    {
        var settings = await new ProtocolDao(Batch, Harness.Deployment.ProtocolDao).ReadSettingsAsync(BlockTag.Latest, CancellationToken.None);
        var due = (await Pool.ReadCycleAsync(BlockTag.Latest, CancellationToken.None)).NextStartTime(settings);
        await Harness.SetRewardsPoolPausedAsync(true);

        Assert.False(await CanStartAtAsync(due + Day));
        Assert.Equal(Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes("ContractPaused()"))[..4], await RevertDataAtAsync(due + Day));
        await Harness.SetRewardsPoolPausedAsync(false);
        Assert.True(await CanStartAtAsync(due + Day));
    }

    private async Task<bool> CanStartAtAsync(ulong time)
    {
        var call = ContractAbi.Call<CanStartRewardsCycleFunction>(Harness.Deployment.RewardsPool);
        var result = await Chain.Eth.CallAsync(call, BlockTag.Latest, CancellationToken.None, new BlockOverrides(Time: time));
        return ContractAbi.DecodeReturn<CanStartRewardsCycleFunction, bool>(result);
    }

    private async Task<byte[]> RevertDataAtAsync(ulong time)
    {
        var start = RewardsPool.StartRewardsCycle(Harness.Deployment.RewardsPool);
        var error = await Assert.ThrowsAsync<JsonRpcNodeException>(() =>
            Chain.Eth.CallAsync(new CallRequest(start.To, start.Data, Chain.Keys[3].Address), BlockTag.Latest, CancellationToken.None, new BlockOverrides(Time: time)));
        return error.RevertData ?? [];
    }

    private async Task<TransactionReceipt> MineStartAtAsync(ulong timestamp)
    {
        var start = RewardsPool.StartRewardsCycle(Harness.Deployment.RewardsPool);
        await Chain.SetNextBlockTimestampAsync(timestamp);
        var receipt = await Chain.SendAsync(Chain.Keys[3], start.To, start.Data, gas: 300_000);
        Assert.Equal(timestamp, (await Chain.Eth.GetBlockAsync(BlockTag.At(receipt.BlockNumber), CancellationToken.None)).Timestamp);
        return receipt;
    }
}
