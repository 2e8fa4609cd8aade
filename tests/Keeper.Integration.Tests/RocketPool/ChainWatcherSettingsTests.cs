using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Watching;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.RocketPool;

/// <summary>Settings and contract addresses are never stale: read again when a DAO proposal runs and every refresh interval.</summary>
public sealed class ChainWatcherSettingsTests : HarnessTestBase
{
    private const ulong Day = 24 * 60 * 60;

    [Fact]
    public async Task ProposalExecuted_SettingsAreReadInTheBlockOfTheProposal()
    {
        var watcher = NewWatcher(new ChainWatcherOptions { SettingsRefreshBlocks = 10_000 });
        await watcher.PollAsync(CancellationToken.None);

        var receipt = await Harness.ProposeTimeBeforeDissolveAsync(2 * Day);
        var events = await watcher.PollAsync(CancellationToken.None);

        var read = Assert.Single(events.OfType<SettingsRead>());
        Assert.Equal(2 * Day, read.Megapool.TimeBeforeDissolve);
        Assert.Equal(receipt.BlockNumber, read.Block.Number);
        Assert.Equal(72UL * 60 * 60, read.LaunchTimeout);
    }

    [Fact]
    public async Task ProposalOfAnotherContract_IsIgnored()
    {
        var watcher = NewWatcher(new ChainWatcherOptions { SettingsRefreshBlocks = 10_000 });
        await watcher.PollAsync(CancellationToken.None);
        // A second proposal contract nobody registered: its log carries the right topic but proves nothing.
        var proposalContract = CompiledContracts.Get("DAOProtocolProposalHarness");
        var stranger = await Chain.DeployAsync("DAOProtocolProposalHarness", proposalContract.EncodeConstructor(Harness.Deployment.Storage), Chain.Keys[0]);
        var payload = CompiledContracts.Get("MegapoolSettingsHarness").EncodeCall("getTimeBeforeDissolve");
        await Chain.SendAsync(Chain.Keys[0], stranger, proposalContract.EncodeCall("executeProposal", Harness.Deployment.MegapoolSettings, payload));
        await Harness.SetTimeBeforeDissolveAsync(3 * Day);

        var events = await watcher.PollAsync(CancellationToken.None);

        Assert.Empty(events.OfType<SettingsRead>());
    }

    [Fact]
    public async Task SilentChange_IsReadAtTheRefreshInterval_NotBefore()
    {
        var watcher = NewWatcher(new ChainWatcherOptions { SettingsRefreshBlocks = 4 });
        await watcher.PollAsync(CancellationToken.None);
        var start = await Chain.Eth.BlockNumberAsync(CancellationToken.None);

        // The guardian's write logs nothing, as an upgrade or hotfix contract writing settings does.
        await Harness.SetTimeBeforeDissolveAsync(5 * Day);
        var seen = new List<(ulong Block, SettingsRead Read)>();
        for (var i = 0; i < 5; i++)
        {
            var events = await watcher.PollAsync(CancellationToken.None);
            seen.AddRange(events.OfType<SettingsRead>().Select(r => (r.Block.Number, r)));
            await Chain.MineAsync();
        }

        var (block, read) = Assert.Single(seen);
        Assert.Equal(start + 4, block);
        Assert.Equal(5 * Day, read.Megapool.TimeBeforeDissolve);
    }

    [Fact]
    public async Task ContractUpgrade_NewAddressIsResolvedAndItsSettingsRead()
    {
        var watcher = NewWatcher(new ChainWatcherOptions { SettingsRefreshBlocks = 10_000 });
        await watcher.PollAsync(CancellationToken.None);
        var upgraded = await Harness.UpgradeAsync(RocketPoolContractNames.MegapoolSettings, "MegapoolSettingsHarness");
        var setOnNew = CompiledContracts.Get("MegapoolSettingsHarness").EncodeCall("setNotifyThreshold", new System.Numerics.BigInteger(50));
        await Chain.SendAsync(Chain.Keys[0], upgraded, setOnNew);
        Assert.Empty((await watcher.PollAsync(CancellationToken.None)).OfType<SettingsRead>());

        // A proposal (here one that changes nothing) makes the watcher resolve every address again.
        await Harness.ProposeTimeBeforeDissolveAsync(28 * Day);
        var events = await watcher.PollAsync(CancellationToken.None);

        Assert.Equal(upgraded, watcher.Deployment.MegapoolSettings);
        Assert.Equal(upgraded, Assert.Single(events.OfType<DeploymentChanged>()).Deployment.MegapoolSettings);
        Assert.True(events.ToList().FindIndex(e => e is DeploymentChanged) < events.ToList().FindIndex(e => e is SettingsRead), "the new addresses are reported before the settings read from them");
        var read = Assert.Single(events.OfType<SettingsRead>());
        Assert.Equal(50UL, read.Megapool.NotifyThresholdEpochs);
        Assert.Equal(1575UL, read.Megapool.UserDistributeDelayEpochs);
        Assert.Equal(6750UL, read.Megapool.UserDistributeDelayWithShortfallEpochs);
    }

    [Fact]
    public async Task Reorg_DroppingTheProposal_ReadsTheSettingsOfTheNewBranch()
    {
        var watcher = NewWatcher(new ChainWatcherOptions { SettingsRefreshBlocks = 10_000 });
        await watcher.PollAsync(CancellationToken.None);
        var snapshot = await Chain.SnapshotAsync();
        await Harness.ProposeTimeBeforeDissolveAsync(2 * Day);
        Assert.Equal(2 * Day, Assert.Single((await watcher.PollAsync(CancellationToken.None)).OfType<SettingsRead>()).Megapool.TimeBeforeDissolve);

        await Chain.RevertAsync(snapshot);
        await Chain.SendAsync(Chain.Keys[6], Chain.Keys[7].Address, [], 1);
        await Chain.MineAsync(2);
        var events = await watcher.PollAsync(CancellationToken.None);

        Assert.IsType<ChainReorged>(events[0]);
        Assert.Equal(28 * Day, Assert.Single(events.OfType<SettingsRead>()).Megapool.TimeBeforeDissolve);
    }
}
