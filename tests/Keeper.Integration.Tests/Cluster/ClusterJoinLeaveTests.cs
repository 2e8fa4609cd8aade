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
/// A third keeper joins a running cluster and later leaves it gracefully (SIGTERM): it takes its turns as soon as it is
/// Up, and once it has left its turns are the others' at once, without waiting for the failure detector: the others see it
/// Leaving, which only a graceful leave goes through.
/// </summary>
public sealed class ClusterJoinLeaveTests : KeeperProcessTestBase
{
    private const ulong Window = BlockSeconds * 3;

    [Fact]
    public async Task NodeJoinsThenLeavesGracefully_ItsTurnsAreTakenInTheFirstWindow_EachActionDoneOnce()
    {
        var three = GateMath.Order([Chain.Keys[1].Address, Chain.Keys[2].Address, Chain.Keys[3].Address]);
        // Validators whose first window is node-3's while it is a member: one falls due while it is in, one after it left.
        var joined = await ValidatorHeldByAsync(three, Chain.Keys[3].Address);
        await Chain.Rpc.SendAsync("evm_increaseTime", [10_000], CancellationToken.None);
        var left = await ValidatorHeldByAsync(three, Chain.Keys[3].Address);
        Assert.True(left.DueAt > joined.DueAt + (4 * Window));
        var node1 = await StartKeeperAsync(1, FastStoreProbe);
        var node2 = await StartKeeperAsync(2, FastStoreProbe);
        await WaitForMembersAsync([node1, node2], 2);

        var node3 = await StartKeeperAsync(3, FastStoreProbe);
        await WaitForMembersAsync([node1, node2, node3], 3);
        await ManualMiningAsync();
        await DoneInTheFirstWindowAsync(joined, [node1, node2, node3]);
        Assert.Equal(Chain.Keys[3].Address, Assert.Single(await SentAsync(joined.Call.Data)).From);

        await node3.StopAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, node3.ExitCode);
        await WaitForMembersAsync([node1, node2], 2);
        await DoneInTheFirstWindowAsync(left, [node1, node2]);
        var action = Assert.Single(await SentAsync(left.Call.Data));
        Assert.NotEqual(Chain.Keys[3].Address, action.From);
        foreach (var id in new[] { "node-1", "node-2" })
        {
            Assert.Contains("Cluster member node-3", Log(id), StringComparison.Ordinal);
            // Leaving is the graceful path: a member that crashed or is cut off is found unreachable and downed instead.
            Assert.Contains("is Leaving", Log(id), StringComparison.Ordinal);
        }
    }

    // Makes validators until one's first window, among `members`, is `holder`'s (each does with probability 1/N).
    private async Task<Due> ValidatorHeldByAsync(IReadOnlyList<Address> members, Address holder)
    {
        for (var tries = 0; tries < 30; tries++)
        {
            var (megapool, id, dueAt) = await PrestakedValidatorAsync();
            if (GateMath.Holder(GateMath.Seed(TaskKeys.DissolveMegapoolValidator(megapool, id)), 0, members) == holder)
            {
                return new Due(megapool, id, dueAt, Megapool.DissolveValidator(megapool, id));
            }
        }

        throw new InvalidOperationException("no validator of 30 fell to the wanted holder");
    }

    // Mines the blocks of the task's first window (its next block's time in window 0) and expects it done by then.
    private async Task DoneInTheFirstWindowAsync(Due due, IReadOnlyList<NodeProcess> nodes)
    {
        for (var t = due.DueAt - BlockSeconds; t < due.DueAt + Window && !await DissolvedAsync(due.Megapool, due.Id); t += BlockSeconds)
        {
            await MineAtSeenByAllAsync(t, nodes);
            await WaitForPoolAsync();
        }

        Assert.True(await DissolvedAsync(due.Megapool, due.Id), $"not done in its first window:\n{string.Join('\n', nodes.Select(n => Log(n.Id)[^Math.Min(6000, Log(n.Id).Length)..]))}");
    }

    // Whoever holds the window sends for the block after the one just mined: give its transaction a moment to reach the
    // pool before the next block (a window that passes unused would hide a turn that did not pass on).
    private async Task WaitForPoolAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        while (!patience.IsCancellationRequested && await SentCountAsync(BlockTag.Pending) == await SentCountAsync(BlockTag.Latest))
        {
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private async Task<ulong> SentCountAsync(BlockTag tag) => await NonceAsync(1, tag) + await NonceAsync(2, tag) + await NonceAsync(3, tag);

    private async Task<IReadOnlyList<SentTransaction>> SentAsync(byte[] input) =>
        (await ChainLedger.SentByAsync(Chain, [Chain.Keys[1].Address, Chain.Keys[2].Address, Chain.Keys[3].Address], 0)).Where(tx => tx.Input.AsSpan().SequenceEqual(input)).ToArray();

    private sealed record Due(Address Megapool, uint Id, ulong DueAt, ContractCall Call);
}
