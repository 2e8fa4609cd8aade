using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Watching;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.RocketPool;

public sealed class HarnessSeedTests : HarnessTestBase
{
    [Fact]
    public async Task Seed_MixedStates_AreWhatTheWatcherReads()
    {
        var result = await Harness.SeedAsync(new SeedPlan(Megapools: 6, ValidatorsPerMegapool: 5, Minipools: 8));

        var events = await NewWatcher().PollAsync(CancellationToken.None);

        var validators = events.OfType<MegapoolValidatorRead>().ToArray();
        Assert.Equal(30, validators.Length);
        Assert.Equal(result.Megapools.Order(), validators.Select(v => v.Megapool).Distinct().Order());
        Assert.Equal(
            result.Prestaked.Select(p => (p.Megapool, p.ValidatorId)).Order(),
            validators.Where(v => v.Info.InPrestake).Select(v => (v.Megapool, v.ValidatorId)).Order());
        Assert.Equal(12, validators.Count(v => v.Info.InQueue));
        Assert.Equal(6, validators.Count(v => v.Info.Staked));
        var minipools = events.OfType<MinipoolRead>().ToArray();
        Assert.Equal(result.Prelaunch.Order(), minipools.Where(m => m.State.Status == MinipoolStatus.Prelaunch).Select(m => m.State.Minipool).Order());
        Assert.Equal(2, minipools.Count(m => m.State.Status == MinipoolStatus.Staking));
        Assert.Equal(2, minipools.Count(m => m.State.Status == MinipoolStatus.Initialised));
    }
}
