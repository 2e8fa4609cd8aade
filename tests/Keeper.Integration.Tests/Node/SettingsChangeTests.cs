using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>
/// A running keeper follows the DAO: when the dissolve delay is lowered, the dissolve lands in the first block valid
/// under the new setting, whether the change came with a DAO proposal or silently (as an upgrade contract writes it).
/// </summary>
public sealed class SettingsChangeTests : KeeperProcessTestBase
{
    [Fact]
    public async Task DelayLoweredByDaoProposal_DissolveLandsInTheFirstBlockValidUnderTheNewSetting()
    {
        var (megapool, id, oldDueAt) = await PrestakedValidatorAsync();
        // A refresh interval far beyond the test: only the proposal's log can make the keeper read the new delay in time.
        var node = await StartKeeperAsync("rocketpool.settings-refresh = 1h");
        var head = await HeadTimeAsync();
        var assignedAt = oldDueAt - (28UL * 24 * 60 * 60) - 1;
        var dueAt = head + (4 * BlockSeconds);

        await Chain.SetNextBlockTimestampAsync(head + BlockSeconds);
        var proposal = await Harness.ProposeTimeBeforeDissolveAsync(dueAt - 1 - assignedAt);
        await WaitForHeadAsync(node, proposal.BlockNumber);
        await ManualMiningAsync();

        await AssertFirstValidBlockAsync(megapool, id, dueAt, node);
    }

    [Fact]
    public async Task DelayLoweredSilently_ReadWithinTheRefreshInterval_DissolveLandsInTheFirstValidBlock()
    {
        var (megapool, id, oldDueAt) = await PrestakedValidatorAsync();
        // Five blocks of two seconds: the change is read at most five blocks after it lands.
        var node = await StartKeeperAsync("rocketpool.settings-refresh = 10s");
        var head = await HeadTimeAsync();
        var assignedAt = oldDueAt - (28UL * 24 * 60 * 60) - 1;
        var dueAt = head + (10 * BlockSeconds);

        await Chain.SetNextBlockTimestampAsync(head + BlockSeconds);
        await Harness.SetTimeBeforeDissolveAsync(dueAt - 1 - assignedAt);
        await ManualMiningAsync();
        for (var t = head + (2 * BlockSeconds); t < dueAt - (2 * BlockSeconds); t += BlockSeconds)
        {
            await MineAtAsync(t, node);
        }

        await AssertFirstValidBlockAsync(megapool, id, dueAt, node);
    }

    private async Task AssertFirstValidBlockAsync(Address megapool, uint id, ulong dueAt, NodeProcess node)
    {
        await MineAtAsync(dueAt - (2 * BlockSeconds), node);
        Assert.False(await WaitForKeeperTransactionAsync(TimeSpan.FromSeconds(2)), "nothing may be sent before the action is valid in the next block");
        await MineAtAsync(dueAt - BlockSeconds, node);
        Assert.True(await WaitForKeeperTransactionAsync(TimeSpan.FromSeconds(15)), $"the keeper sent nothing for the first block valid under the new setting:\n{Log()}");
        await MineAtAsync(dueAt, node);

        Assert.True(await DissolvedAsync(megapool, id), Log());
        Assert.Equal(dueAt, (await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None)).Timestamp);
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
        await MineAtAsync(dueAt + BlockSeconds, node);
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Pending));
    }

    private async Task<ulong> HeadTimeAsync() => (await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None)).Timestamp;
}
