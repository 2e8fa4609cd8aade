using Keeper.Chain.Eth;
using Keeper.Chain.Logs;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.Chain;

/// <summary>Tests that rewrite the chain, each on an anvil node of its own.</summary>
public sealed class ReorgOnAnvilTests : IAsyncLifetime
{
    private AnvilNode? _node;
    private DevChainClient? _session;

    private DevChainClient Session => _session!;

    public async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync();
        _session = new DevChainClient(_node);
    }

    public async Task DisposeAsync()
    {
        _session?.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    [Fact]
    public async Task Follower_SnapshotRevertedAndNewBranchMined_ReportsReorgAtCommonAncestor()
    {
        var follower = new ChainFollower(Session.Eth);
        await Session.MineAsync(3);
        await follower.PollAsync(CancellationToken.None);
        var ancestor = await Session.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        var snapshot = await Session.SnapshotAsync();
        await Session.MineAsync(4);
        var oldBranch = await follower.PollAsync(CancellationToken.None);
        Assert.Equal(4, oldBranch.NewBlocks.Count);

        await Session.RevertAsync(snapshot);
        // The new branch differs from the old one by a transaction, so its hashes differ even at the same timestamps.
        await Session.SendAsync(Session.Keys[0], Session.Keys[1].Address, [], 1);
        await Session.MineAsync(5);
        var update = await follower.PollAsync(CancellationToken.None);

        Assert.NotNull(update.Reorg);
        Assert.Equal(ancestor.Number, update.Reorg.CommonAncestor.Number);
        Assert.Equal(ancestor.Hash, update.Reorg.CommonAncestor.Hash);
        Assert.Equal(oldBranch.NewBlocks.Select(b => b.Hash), update.Reorg.Removed.Select(b => b.Hash));
        Assert.Equal(6, update.NewBlocks.Count);
        Assert.Equal(ancestor.Hash, update.NewBlocks[0].ParentHash);
        Assert.Equal((await Session.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None)).Hash, follower.Head!.Hash);
    }

    [Fact]
    public async Task ReceiptWaiter_CountsConfirmationsAndIgnoresReceiptUndoneByReorg()
    {
        var waiter = new ReceiptWaiter(Session.Eth, TimeSpan.FromMilliseconds(10));
        var snapshot = await Session.SnapshotAsync();
        var receipt = await Session.SendAsync(Session.Keys[0], Session.Keys[1].Address, [], 1);

        Assert.NotNull(await waiter.TryGetConfirmedAsync(receipt.TransactionHash, 1, CancellationToken.None));
        Assert.Null(await waiter.TryGetConfirmedAsync(receipt.TransactionHash, 3, CancellationToken.None));
        await Session.MineAsync(2);
        Assert.Equal(receipt.BlockHash, (await waiter.TryGetConfirmedAsync(receipt.TransactionHash, 3, CancellationToken.None))!.BlockHash);

        await Session.RevertAsync(snapshot);
        await Session.MineAsync(4);
        Assert.Null(await waiter.TryGetConfirmedAsync(receipt.TransactionHash, 1, CancellationToken.None));
    }
}
