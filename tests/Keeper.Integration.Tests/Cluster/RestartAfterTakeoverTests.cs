using Keeper.Actors.Gate;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Keeper.Integration.Tests.Node;
using Xunit;

namespace Keeper.Integration.Tests.Cluster;

/// <summary>
/// Two keeper processes on one SQLite store. The holder of a due dissolve journals it and dies before sending; the other
/// takes its stale claim over after its window and does the action; the holder comes back and recovers its journal. Its
/// journaled nonce must then be filled by a zero-value self-transfer, never by the stale call.
/// </summary>
public sealed class RestartAfterTakeoverTests : KeeperProcessTestBase
{
    private const ulong Window = BlockSeconds * 3;

    [Fact]
    public async Task HolderRestartsAfterTheTakeoverWasMined_ItsJournaledNonceIsFilledByASelfTransfer_ActionDoneOnce()
    {
        var scenario = await TakeOverAsync();

        // The taker's action is mined, then chain time moves on 20 s before the holder comes back.
        await MineAtAsync(scenario.DueAt + Window, scenario.Taker);
        Assert.True(await DissolvedAsync(scenario.Megapool, scenario.Id), Log(scenario.Taker.Id));
        await MineAtAsync(scenario.DueAt + Window + 20, scenario.Taker);

        var restarted = await StartKeeperAsync(scenario.HolderIndex, FastStoreProbe);
        Assert.True(await WaitForTransactionFromAsync(scenario.HolderIndex, TimeSpan.FromSeconds(30)), $"the restarted holder did not fill its journaled nonce:\n{Log(restarted.Id)}");
        await SettleAsync(scenario, scenario.DueAt + Window + 20 + BlockSeconds, [restarted, scenario.Taker]);

        await AssertDoneOnceByTheTakerAsync(scenario);
        Assert.Contains("the call would revert now", Log(restarted.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HolderRestartsWhileTheTakeoverIsPending_ItsJournaledNonceIsFilledByASelfTransfer_ActionDoneOnce()
    {
        var scenario = await TakeOverAsync();

        // The taker's action is still in the pool: the call would succeed, so only the claim (now the taker's) tells the
        // restarted holder that the action is no longer its own.
        var restarted = await StartKeeperAsync(scenario.HolderIndex, FastStoreProbe);
        Assert.True(await WaitForTransactionFromAsync(scenario.HolderIndex, TimeSpan.FromSeconds(30)), $"the restarted holder did not fill its journaled nonce:\n{Log(restarted.Id)}");
        Assert.False(await DissolvedAsync(scenario.Megapool, scenario.Id));
        await SettleAsync(scenario, scenario.DueAt + Window, [restarted, scenario.Taker]);

        await AssertDoneOnceByTheTakerAsync(scenario);
        Assert.Contains($"the task's claim passed to node-{scenario.TakerIndex} (window 1); its nonce is filled with a zero-value self-transfer instead", Log(restarted.Id), StringComparison.Ordinal);
    }

    // Up to the taker's transaction in the pool: the holder of window 0 journals and dies, the other node takes over in window 1.
    private async Task<Scenario> TakeOverAsync()
    {
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var members = GateMath.Order([Chain.Keys[1].Address, Chain.Keys[2].Address]);
        var holderAddress = GateMath.Holder(GateMath.Seed(TaskKeys.DissolveMegapoolValidator(megapool, id)), 0, members);
        var holderIndex = holderAddress == Chain.Keys[1].Address ? 1 : 2;
        var takerIndex = 3 - holderIndex;
        var firstBlock = await Chain.Eth.BlockNumberAsync(CancellationToken.None) + 1;
        // Of two members, the split-brain resolver (keep-majority) keeps the side with the lowest address when one is lost:
        // the taker gets the lower port so that it is the one kept when the holder dies.
        var (low, high) = TwoPorts();
        ClusterPort(takerIndex, low);
        ClusterPort(holderIndex, high);
        var holder = await StartKeeperAsync(holderIndex, FastStoreProbe, new Dictionary<string, string> { [RunCommand.FaultVariable] = "after-journal-created" });
        var taker = await StartKeeperAsync(takerIndex, FastStoreProbe);
        await WaitForMembersAsync([holder, taker], 2);
        await ManualMiningAsync();

        await MineAtAsync(dueAt - BlockSeconds, null);
        using (var exited = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await holder.WaitForExitAsync(exited.Token);
        }

        Assert.Contains("fault point after-journal-created reached", Log(holder.Id), StringComparison.Ordinal);
        Assert.Equal(0UL, await NonceAsync(holderIndex, BlockTag.Pending));
        await WaitForMembersAsync([taker], 1);
        // Its claim may be taken over once the dead holder is downed (and its window over).
        await WaitForDownedAsync(taker, holder.Id);
        for (var t = dueAt; t < dueAt + Window; t += BlockSeconds)
        {
            await MineAtAsync(t, taker);
        }

        Assert.True(await WaitForTransactionFromAsync(takerIndex, TimeSpan.FromSeconds(30)), $"the other node did not take the stale claim over in window 1:\n{Log(taker.Id)}");
        return new Scenario(megapool, id, dueAt, holderIndex, takerIndex, taker, firstBlock);
    }

    // Mines from chain time `from` until the action is done and neither keeper has anything in flight, then two more blocks.
    private async Task SettleAsync(Scenario scenario, ulong from, IReadOnlyList<NodeProcess> nodes)
    {
        var t = from;
        for (var blocks = 0; !await SettledAsync(scenario, nodes); blocks++)
        {
            Assert.True(blocks < 10, $"not settled 10 blocks after the restart:\n{Log(nodes[0].Id)}\n{Log(nodes[1].Id)}");
            await MineAtSeenByAllAsync(t, nodes);
            t += BlockSeconds;
        }

        await MineAtSeenByAllAsync(t, nodes);
        await MineAtSeenByAllAsync(t + BlockSeconds, nodes);
    }

    private async Task<bool> SettledAsync(Scenario scenario, IReadOnlyList<NodeProcess> nodes) =>
        await DissolvedAsync(scenario.Megapool, scenario.Id)
        && nodes.All(n => n.Status is { PendingTransactions: 0 })
        && await NonceAsync(scenario.HolderIndex, BlockTag.Pending) == await NonceAsync(scenario.HolderIndex, BlockTag.Latest)
        && await NonceAsync(scenario.TakerIndex, BlockTag.Pending) == await NonceAsync(scenario.TakerIndex, BlockTag.Latest);

    private async Task AssertDoneOnceByTheTakerAsync(Scenario scenario)
    {
        var holder = Chain.Keys[scenario.HolderIndex].Address;
        var taker = Chain.Keys[scenario.TakerIndex].Address;
        var sent = await ChainLedger.SentByAsync(Chain, [holder, taker], scenario.FirstBlock);

        Assert.True(await DissolvedAsync(scenario.Megapool, scenario.Id));
        Assert.All(sent, tx => Assert.True(tx.Succeeded, $"transaction {tx.Hash} of {tx.From} reverted"));
        var action = Assert.Single(sent, tx => !tx.IsCancellation);
        Assert.Equal(taker, action.From);
        Assert.Equal(scenario.Megapool, action.To);
        Assert.Equal(Megapool.DissolveValidator(scenario.Megapool, scenario.Id).Data, action.Input);
        var filled = Assert.Single(sent, tx => tx.From == holder);
        Assert.True(filled.IsCancellation, $"the holder's journaled nonce went out as {Hex.Encode(filled.Input)} to {filled.To}");
        Assert.Equal(0UL, filled.Nonce);
        Assert.Equal(2, sent.Count);
        Assert.Equal(1UL, await NonceAsync(scenario.HolderIndex, BlockTag.Latest));
        Assert.Equal(1UL, await NonceAsync(scenario.HolderIndex, BlockTag.Pending));
        Assert.Equal(1UL, await NonceAsync(scenario.TakerIndex, BlockTag.Latest));
        Assert.Equal(1UL, await NonceAsync(scenario.TakerIndex, BlockTag.Pending));
        await AssertNoClaimLeftOpenAsync();
    }

    private sealed record Scenario(Address Megapool, uint Id, ulong DueAt, int HolderIndex, int TakerIndex, NodeProcess Taker, ulong FirstBlock);
}
