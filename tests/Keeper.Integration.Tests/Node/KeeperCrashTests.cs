using Keeper.Chain.Eth;
using Keeper.Host.Cli;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>kill -9 of a real keeper process at the worst moments, then a restart: no duplicate, no lost action, no nonce gap.</summary>
public sealed class KeeperCrashTests : KeeperProcessTestBase
{
    [Fact]
    public async Task KilledBetweenJournalingAndSending_RestartSendsTheSameTransactionOnce()
    {
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var crashing = await StartKeeperAsync(environment: new Dictionary<string, string> { [RunCommand.FaultVariable] = "after-journal-created" });
        await ManualMiningAsync();
        await MineAtAsync(dueAt - BlockSeconds, null);

        await WaitForExitAsync(crashing);
        Assert.Equal(0UL, await KeeperNonceAsync(BlockTag.Pending));

        // The restarted keeper re-broadcasts the journaled transaction (same nonce, same hash) before the next block.
        var restarted = await StartKeeperAsync();
        Assert.True(await WaitForKeeperTransactionAsync(TimeSpan.FromSeconds(15)), $"the restarted keeper did not resume the journaled transaction:\n{Log()}");
        await AssertDoneOnceAsync(megapool, id, dueAt, restarted);
    }

    [Fact]
    public async Task KilledBetweenSendingAndMining_RestartResolvesItWithoutANewTransaction()
    {
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var crashing = await StartKeeperAsync(environment: new Dictionary<string, string> { [RunCommand.FaultVariable] = "after-send" });
        await ManualMiningAsync();
        await MineAtAsync(dueAt - BlockSeconds, null);

        await WaitForExitAsync(crashing);
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Pending));

        var restarted = await StartKeeperAsync();
        await AssertDoneOnceAsync(megapool, id, dueAt, restarted);
    }

    private async Task WaitForExitAsync(Keeper.Host.Devnet.NodeProcess node)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await node.WaitForExitAsync(timeout.Token);
        Assert.Contains("fault point", Log(), StringComparison.Ordinal);
    }
}
