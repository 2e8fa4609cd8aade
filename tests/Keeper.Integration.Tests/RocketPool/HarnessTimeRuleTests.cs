using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Integration.Tests.RocketPool;

/// <summary>The harness's deadlines hold to the second, with the real comparisons: strict for megapools, at-or-after for minipools.</summary>
public sealed class HarnessTimeRuleTests : HarnessTestBase
{
    private const ulong Day = 24 * 60 * 60;

    [Theory]
    [InlineData(28 * Day)]
    [InlineData(14 * Day)]
    public async Task MegapoolDissolve_AtDeadlineReverts_OneSecondLaterSucceeds(ulong timeBeforeDissolve)
    {
        await Harness.SetTimeBeforeDissolveAsync(timeBeforeDissolve);
        var megapool = await Harness.CreateMegapoolAsync(Chain.Keys[1].Address);
        var id = await Harness.NewValidatorAsync(megapool);
        await Harness.AssignAsync(megapool, id);
        var assigned = (await new Megapool(Chain.Eth, Multicall(), megapool).GetValidatorInfoAsync(id, BlockTag.Latest, CancellationToken.None)).LastAssignmentTime;
        var dissolve = Megapool.DissolveValidator(megapool, id);

        var early = await MineAtAsync(assigned + timeBeforeDissolve - 1, dissolve.To, dissolve.Data);
        var boundary = await MineAtAsync(assigned + timeBeforeDissolve, dissolve.To, dissolve.Data);
        var after = await MineAtAsync(assigned + timeBeforeDissolve + 1, dissolve.To, dissolve.Data);

        Assert.False(early.Succeeded);
        Assert.False(boundary.Succeeded);
        Assert.True(after.Succeeded);
        var info = await new Megapool(Chain.Eth, Multicall(), megapool).GetValidatorInfoAsync(id, BlockTag.Latest, CancellationToken.None);
        Assert.True(info.Dissolved);
        Assert.False(info.InPrestake);
    }

    [Fact]
    public async Task MinipoolDissolve_OneSecondEarlyReverts_AtTimeoutSucceeds()
    {
        const ulong launchTimeout = 72 * 60 * 60;
        var minipool = await Harness.CreateMinipoolAsync(Chain.Keys[2].Address);
        await Harness.PrelaunchMinipoolAsync(minipool);
        var state = (await Minipool.ReadAsync(Multicall(), [minipool], BlockTag.Latest, CancellationToken.None))[0];
        var dissolve = Minipool.Dissolve(minipool);

        var early = await MineAtAsync(state.StatusTime + launchTimeout - 1, dissolve.To, dissolve.Data);
        var onTime = await MineAtAsync(state.StatusTime + launchTimeout, dissolve.To, dissolve.Data);

        Assert.Equal(MinipoolStatus.Prelaunch, state.Status);
        Assert.False(early.Succeeded);
        Assert.True(onTime.Succeeded);
        Assert.Equal(MinipoolStatus.Dissolved, (await Minipool.ReadAsync(Multicall(), [minipool], BlockTag.Latest, CancellationToken.None))[0].Status);
    }

    [Fact]
    public async Task MegapoolDissolve_StakedBeforeDeadline_RevertsAfterIt()
    {
        var megapool = await Harness.CreateMegapoolAsync(Chain.Keys[1].Address);
        var id = await Harness.NewValidatorAsync(megapool);
        await Harness.AssignAsync(megapool, id);
        await Harness.StakeAsync(megapool, id);
        var dissolve = Megapool.DissolveValidator(megapool, id);

        var receipt = await MineAtAsync(await HeadTimeAsync() + (60 * Day), dissolve.To, dissolve.Data);

        Assert.False(receipt.Succeeded);
    }

    private async Task<TransactionReceipt> MineAtAsync(ulong timestamp, Address to, byte[] data)
    {
        await Chain.SetNextBlockTimestampAsync(timestamp);
        var receipt = await Chain.SendAsync(Chain.Keys[3], to, data, gas: 200_000);
        Assert.Equal(timestamp, (await Chain.Eth.GetBlockAsync(BlockTag.At(receipt.BlockNumber), CancellationToken.None)).Timestamp);
        return receipt;
    }
}
