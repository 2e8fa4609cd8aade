using Keeper.Actors.Gate;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Host.Devnet;
using Keeper.Integration.Tests.Node;
using Xunit;

namespace Keeper.Integration.Tests.Cluster;

/// <summary>
/// Two keeper processes on one SQLite store, one confirmation: the holder's dissolve is mined and counted final, its claim
/// closed as mined; then a reorg replaces the blocks from the action's on with as many empty blocks at the same slots (as
/// a proof-of-stake reorg does). Whoever acts again, the action must end up done once, with nothing reverted and no nonce
/// left stuck. anvil drops the undone transaction; a geth-like node puts it back in its pool and may mine it again at any
/// moment, which the tests mimic by sending the same signed bytes again after the reorg.
/// </summary>
public sealed class ReorgAfterMinedTests : KeeperProcessTestBase
{
    private const ulong Window = BlockSeconds * 3;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task MinedActionUndoneByAReorg_DoneOnceInTheEnd_NothingRevertedAndNoNonceStuck(int depth)
    {
        var scenario = await MinedAndFinalAsync(depth);

        await ReorgAsync(scenario, depth, thenFirst: null);

        await SettleAndAssertDoneOnceAsync(scenario, depth);
    }

    [Fact]
    public async Task MinedActionUndoneByAThreeBlockReorg_TheNextHolderSeesItFirst_StaysOutInsideTheReorgFence_TheFirstHolderSendsAgain()
    {
        // Three blocks back the next block's time falls in window 1, the other node's. It sees the reorg while the first
        // holder is still frozen (and, after the suspicion timeout, taken for dead), yet must not claim: the first holder's
        // claim is fenced until that holder's submitter stops watching its transaction for a reorg.
        var scenario = await MinedAndFinalAsync(3);

        await ReorgAsync(scenario, 3, thenFirst: scenario.Other);
        await AssertOtherStaysOutAsync(scenario);
        await scenario.Holder.ContinueAsync();

        var sent = await SettleAndAssertDoneOnceAsync(scenario, 3, expectNewTransaction: true);
        Assert.Equal(Chain.Keys[scenario.HolderIndex].Address, Assert.Single(sent).From);
    }

    [Fact]
    public async Task MinedActionUndoneByAThreeBlockReorg_TheNodeKeepsItInItsPoolAndMinesItAgain_TheNextHolderSendsNothing()
    {
        // As a geth-like node does, the reorged transaction goes back into the pool. Had the next holder claimed window 1
        // and sent, its dissolve and the original one would share the next block: one of them reverted.
        var scenario = await MinedAndFinalAsync(3);

        await ReorgAsync(scenario, 3, thenFirst: scenario.Other, keepInPool: true);
        await AssertOtherStaysOutAsync(scenario);
        await MineAtSeenByAllAsync(scenario.DueAt + (3 * BlockSeconds), [scenario.Other]);
        Assert.True(await DissolvedAsync(scenario.Megapool, scenario.Id), "the original transaction, sent again from the pool, was not mined");
        await scenario.Holder.ContinueAsync();

        var sent = await SettleAndAssertDoneOnceAsync(scenario, 4, expectNewTransaction: false);
        var action = Assert.Single(sent);
        Assert.Equal((Chain.Keys[scenario.HolderIndex].Address, scenario.ActionHash), (action.From, action.Hash));
    }

    // The other node, holder of the window after the reorg, reports the fence and sends nothing.
    private async Task AssertOtherStaysOutAsync(Scenario scenario)
    {
        const string Fenced = "was mined within its reorg watch";
        await WaitUntilAsync(() => Task.FromResult(Log(scenario.Other.Id).Contains(Fenced, StringComparison.Ordinal)), TimeSpan.FromSeconds(30),
            () => $"the holder of window 1 did not report the reorg fence after the reorg:\n{Log(scenario.Other.Id)}");
        Assert.Equal(0UL, await NonceAsync(scenario.OtherIndex, BlockTag.Pending));
    }

    // Up to the holder's dissolve mined in the first valid block, `depth` blocks on the chain from it, and counted final.
    private async Task<Scenario> MinedAndFinalAsync(int depth)
    {
        Assert.True((ulong)depth * BlockSeconds <= Window, "a reorg of more than one window would skip the other node's turn");
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var members = GateMath.Order([Chain.Keys[1].Address, Chain.Keys[2].Address]);
        var holderAddress = GateMath.Holder(GateMath.Seed(TaskKeys.DissolveMegapoolValidator(megapool, id)), 0, members);
        var holderIndex = holderAddress == Chain.Keys[1].Address ? 1 : 2;
        var firstBlock = await Chain.Eth.BlockNumberAsync(CancellationToken.None) + 1;
        // The nodes are frozen while the chain is rewritten, one of them for up to half a minute: a failure detector that
        // patient keeps both members Up meanwhile (this test is about reorgs; failover has tests of its own).
        var patient = FastStoreProbe + "\nchain.confirmations = 1\ncluster.failure-detector.acceptable-heartbeat-pause = 60s";
        var holder = await StartKeeperAsync(holderIndex, patient);
        var other = await StartKeeperAsync(3 - holderIndex, patient);
        NodeProcess[] nodes = [holder, other];
        await WaitForMembersAsync(nodes, 2);
        await ManualMiningAsync();

        await MineAtSeenByAllAsync(dueAt - BlockSeconds, nodes);
        Assert.True(await WaitForTransactionFromAsync(holderIndex, TimeSpan.FromSeconds(30)), $"the holder sent nothing for the first valid block:\n{Log(holder.Id)}");
        var beforeAction = await Chain.SnapshotAsync();
        for (var i = 0; i < depth; i++)
        {
            await MineAtSeenByAllAsync(dueAt + (ulong)(i * BlockSeconds), nodes);
        }

        Assert.True(await DissolvedAsync(megapool, id));
        await WaitUntilAsync(() => Task.FromResult(holder.Status is { Succeeded: 1, PendingTransactions: 0 }), TimeSpan.FromSeconds(30),
            () => $"the holder did not count its action final:\n{Log(holder.Id)}");
        var action = Assert.Single(await ChainLedger.SentByAsync(Chain, [holderAddress], firstBlock)).Hash;
        var raw = (await Chain.Rpc.SendAsync("eth_getRawTransactionByHash", [action.ToString()], CancellationToken.None)).GetString()!;
        return new Scenario(megapool, id, dueAt, holderIndex, 3 - holderIndex, holder, other, firstBlock, beforeAction, action, raw);
    }

    // Both nodes are frozen while the chain goes back to the block before the action and mines as many empty blocks at the
    // same timestamps, so each sees the new branch at once, at the height it had. With `keepInPool` the holder's signed
    // transaction goes back into the pool, as a geth-like node does. Both run again, or only `thenFirst`.
    private async Task ReorgAsync(Scenario scenario, int depth, NodeProcess? thenFirst, bool keepInPool = false)
    {
        NodeProcess[] nodes = [scenario.Holder, scenario.Other];
        foreach (var node in nodes)
        {
            await node.SuspendAsync();
        }

        await Chain.RevertAsync(scenario.BeforeAction);
        await Chain.SetNextBlockTimestampAsync(scenario.DueAt);
        await Chain.Rpc.SendAsync("anvil_mine", [Hex.EncodeQuantity((ulong)depth), Hex.EncodeQuantity((ulong)BlockSeconds)], CancellationToken.None);
        if (keepInPool)
        {
            Assert.Equal(scenario.ActionHash.ToString(), (await Chain.Rpc.SendAsync("eth_sendRawTransaction", [scenario.RawAction], CancellationToken.None)).GetString());
        }

        foreach (var node in thenFirst is null ? nodes : [thenFirst])
        {
            await node.ContinueAsync();
        }

        Assert.False(await DissolvedAsync(scenario.Megapool, scenario.Id));
        Assert.Equal(scenario.DueAt + (ulong)((depth - 1) * BlockSeconds), (await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None)).Timestamp);
    }

    // Mines until the action is done again and neither keeper has anything in flight, two more blocks for any late
    // duplicate to show, then checks the chain: one action, nothing reverted, every other transaction a self-transfer,
    // each keeper's nonces gapless and none left pending.
    private async Task<IReadOnlyList<SentTransaction>> SettleAndAssertDoneOnceAsync(Scenario scenario, int depth, bool expectNewTransaction = true)
    {
        NodeProcess[] nodes = [scenario.Holder, scenario.Other];
        if (expectNewTransaction)
        {
            await WaitUntilAsync(
                async () => await NonceAsync(1, BlockTag.Pending) + await NonceAsync(2, BlockTag.Pending) > await NonceAsync(1, BlockTag.Latest) + await NonceAsync(2, BlockTag.Latest),
                TimeSpan.FromSeconds(30),
                () => $"no keeper acted after the reorg:\n{Log(scenario.Holder.Id)}\n{Log(scenario.Other.Id)}");
        }

        var t = scenario.DueAt + (ulong)(depth * BlockSeconds);
        for (var blocks = 0; !await SettledAsync(scenario, nodes); blocks++)
        {
            Assert.True(blocks < 10, $"not settled 10 blocks after the reorg:\n{Log(scenario.Holder.Id)}\n{Log(scenario.Other.Id)}");
            await MineAtSeenByAllAsync(t, nodes);
            t += BlockSeconds;
        }

        await MineAtSeenByAllAsync(t, nodes);
        await MineAtSeenByAllAsync(t + BlockSeconds, nodes);

        Assert.True(await DissolvedAsync(scenario.Megapool, scenario.Id));
        var sent = await ChainLedger.SentByAsync(Chain, [Chain.Keys[1].Address, Chain.Keys[2].Address], scenario.FirstBlock);
        Assert.All(sent, tx => Assert.True(tx.Succeeded, $"transaction {tx.Hash} of {tx.From} reverted:\n{Log(scenario.Holder.Id)}\n{Log(scenario.Other.Id)}"));
        var action = Assert.Single(sent, tx => !tx.IsCancellation);
        Assert.Equal(scenario.Megapool, action.To);
        Assert.Equal(Megapool.DissolveValidator(scenario.Megapool, scenario.Id).Data, action.Input);
        foreach (var index in new[] { 1, 2 })
        {
            var nonces = sent.Where(tx => tx.From == Chain.Keys[index].Address).Select(tx => tx.Nonce).ToArray();
            Assert.Equal(Enumerable.Range(0, nonces.Length).Select(n => (ulong)n), nonces);
            Assert.Equal((ulong)nonces.Length, await NonceAsync(index, BlockTag.Latest));
            Assert.Equal((ulong)nonces.Length, await NonceAsync(index, BlockTag.Pending));
        }

        await AssertNoClaimLeftOpenAsync();
        return sent;
    }

    // The holder's journaled nonce 0, undone by the reorg, must be mined again (as the action or a self-transfer).
    private async Task<bool> SettledAsync(Scenario scenario, IReadOnlyList<NodeProcess> nodes) =>
        await DissolvedAsync(scenario.Megapool, scenario.Id)
        && await NonceAsync(scenario.HolderIndex, BlockTag.Latest) >= 1
        && nodes.All(n => n.Status is { PendingTransactions: 0 })
        && await NonceAsync(1, BlockTag.Pending) == await NonceAsync(1, BlockTag.Latest)
        && await NonceAsync(2, BlockTag.Pending) == await NonceAsync(2, BlockTag.Latest);

    private sealed record Scenario(
        Address Megapool, uint Id, ulong DueAt, int HolderIndex, int OtherIndex, NodeProcess Holder, NodeProcess Other, ulong FirstBlock, string BeforeAction,
        Hash32 ActionHash, string RawAction);
}
