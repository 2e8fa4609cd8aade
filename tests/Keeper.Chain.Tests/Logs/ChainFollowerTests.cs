using Keeper.Chain.Eth;
using Keeper.Chain.Logs;
using Keeper.Chain.Rpc;
using Keeper.Chain.Tests.Fakes;
using Xunit;

namespace Keeper.Chain.Tests.Logs;

public sealed class ChainFollowerTests
{
    [Fact]
    public async Task Poll_FirstTime_ReturnsHead()
    {
        var chain = new FakeChain(10);
        var follower = new ChainFollower(new EthApi(chain));

        var update = await follower.PollAsync(CancellationToken.None);

        Assert.Null(update.Reorg);
        Assert.Equal(9UL, Assert.Single(update.NewBlocks).Number);
    }

    [Fact]
    public async Task Poll_NoNewBlock_ReturnsNone()
    {
        var chain = new FakeChain(10);
        var follower = new ChainFollower(new EthApi(chain));
        await follower.PollAsync(CancellationToken.None);

        Assert.True((await follower.PollAsync(CancellationToken.None)).IsEmpty);
    }

    [Fact]
    public async Task Poll_NewBlocks_ReturnsEachOnceInOrder()
    {
        var chain = new FakeChain(10);
        var follower = new ChainFollower(new EthApi(chain));
        await follower.PollAsync(CancellationToken.None);
        chain.Mine(5);

        var update = await follower.PollAsync(CancellationToken.None);

        Assert.Null(update.Reorg);
        Assert.Equal([10UL, 11, 12, 13, 14], update.NewBlocks.Select(b => b.Number));
    }

    [Fact]
    public async Task Poll_FarBehind_CatchesUpOverSeveralPolls()
    {
        var chain = new FakeChain(1);
        var follower = new ChainFollower(new EthApi(chain), new ChainFollowerOptions { MaxBlocksPerPoll = 4 });
        await follower.PollAsync(CancellationToken.None);
        chain.Mine(10);

        var seen = new List<ulong>();
        for (var i = 0; i < 3; i++)
        {
            seen.AddRange((await follower.PollAsync(CancellationToken.None)).NewBlocks.Select(b => b.Number));
        }

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (ulong)i), seen);
    }

    [Fact]
    public async Task LatestSeen_FarBehind_TheTipTheNodeReportedAheadOfTheHeadUntilCaughtUp()
    {
        var chain = new FakeChain(1);
        var follower = new ChainFollower(new EthApi(chain), new ChainFollowerOptions { MaxBlocksPerPoll = 4 });
        Assert.Null(follower.LatestSeen);
        await follower.PollAsync(CancellationToken.None);
        chain.Mine(10);

        await follower.PollAsync(CancellationToken.None);
        var behind = (follower.Head!.Number, follower.LatestSeen);
        await follower.PollAsync(CancellationToken.None);
        await follower.PollAsync(CancellationToken.None);

        Assert.Equal((4UL, (ulong?)10), behind);
        Assert.Equal((10UL, (ulong?)10), (follower.Head!.Number, follower.LatestSeen));
    }

    [Fact]
    public async Task Poll_ReorgToLongerBranch_ReportsCommonAncestorRemovedAndNewBlocks()
    {
        var chain = new FakeChain(20);
        var follower = new ChainFollower(new EthApi(chain));
        await follower.PollAsync(CancellationToken.None);
        chain.Mine(5); // blocks 20-24
        await follower.PollAsync(CancellationToken.None);
        var ancestorHash = chain.HashAt(21);

        chain.Reorg(ancestor: 21, newBlocks: 6); // drops 22-24, new 22-27
        var update = await follower.PollAsync(CancellationToken.None);

        Assert.NotNull(update.Reorg);
        Assert.Equal(21UL, update.Reorg.CommonAncestor.Number);
        Assert.Equal(ancestorHash, update.Reorg.CommonAncestor.Hash);
        Assert.Equal([22UL, 23, 24], update.Reorg.Removed.Select(b => b.Number));
        Assert.Equal([22UL, 23, 24, 25, 26, 27], update.NewBlocks.Select(b => b.Number));
        Assert.Equal(chain.HashAt(27), follower.Head!.Hash);
    }

    [Fact]
    public async Task Poll_ReorgToShorterBranch_ReportsRemovedBlocks()
    {
        var chain = new FakeChain(20);
        var follower = new ChainFollower(new EthApi(chain));
        await follower.PollAsync(CancellationToken.None);
        chain.Mine(5);
        await follower.PollAsync(CancellationToken.None);

        chain.Reorg(ancestor: 19, newBlocks: 2); // head 21 on a new branch; old head was 24
        var update = await follower.PollAsync(CancellationToken.None);

        Assert.Equal(19UL, update.Reorg!.CommonAncestor.Number);
        Assert.Equal([20UL, 21, 22, 23, 24], update.Reorg.Removed.Select(b => b.Number));
        Assert.Equal([20UL, 21], update.NewBlocks.Select(b => b.Number));
    }

    [Fact]
    public async Task Poll_ReorgWhoseNewBranchFetchFails_LeavesTheFollowerAsItWas()
    {
        var chain = new FakeChain(20);
        var node = new FlakyBlockFetches(chain);
        var follower = new ChainFollower(new EthApi(node));
        await follower.PollAsync(CancellationToken.None);
        chain.Mine(5); // blocks 20-24
        await follower.PollAsync(CancellationToken.None);
        var (head, recent) = (follower.Head, follower.RecentBlocks);

        chain.Reorg(ancestor: 21, newBlocks: 6); // drops 22-24, new 22-27
        node.FailFetchFrom = 22; // the new branch, fetched once the ancestor is found
        await Assert.ThrowsAsync<JsonRpcTransportException>(() => follower.PollAsync(CancellationToken.None));

        Assert.Equal(1, node.Failures);
        Assert.Equal(head, follower.Head);
        Assert.Equal(recent, follower.RecentBlocks);
    }

    [Fact]
    public async Task Poll_AfterAReorgWhoseNewBranchFetchFailed_ReportsTheSameReorgInFull()
    {
        var chain = new FakeChain(20);
        var node = new FlakyBlockFetches(chain);
        var follower = new ChainFollower(new EthApi(node));
        await follower.PollAsync(CancellationToken.None);
        chain.Mine(5); // blocks 20-24
        await follower.PollAsync(CancellationToken.None);
        var ancestorHash = chain.HashAt(21);
        var dropped = follower.RecentBlocks.Where(b => b.Number > 21).ToArray();

        chain.Reorg(ancestor: 21, newBlocks: 6); // drops 22-24, new 22-27
        node.FailFetchFrom = 22;
        await Assert.ThrowsAsync<JsonRpcTransportException>(() => follower.PollAsync(CancellationToken.None));
        var update = await follower.PollAsync(CancellationToken.None);

        Assert.Equal(1, node.Failures);
        Assert.NotNull(update.Reorg);
        Assert.Equal((21UL, ancestorHash), (update.Reorg.CommonAncestor.Number, update.Reorg.CommonAncestor.Hash));
        Assert.Equal([22UL, 23, 24], update.Reorg.Removed.Select(b => b.Number));
        Assert.Equal(dropped, update.Reorg.Removed);
        Assert.Equal([22UL, 23, 24, 25, 26, 27], update.NewBlocks.Select(b => b.Number));
        Assert.Equal(Enumerable.Range(22, 6).Select(chain.HashAt), update.NewBlocks.Select(b => b.Hash));
        Assert.Equal(chain.HashAt(27), follower.Head!.Hash);
    }

    [Fact]
    public async Task Poll_AfterAFailedFetchOfAShorterBranch_ReportsEveryRemovedBlock()
    {
        var chain = new FakeChain(20);
        var node = new FlakyBlockFetches(chain);
        var follower = new ChainFollower(new EthApi(node));
        await follower.PollAsync(CancellationToken.None);
        chain.Mine(5);
        await follower.PollAsync(CancellationToken.None);

        chain.Reorg(ancestor: 19, newBlocks: 2); // head 21 on a new branch; old head was 24
        node.FailFetchFrom = 20;
        await Assert.ThrowsAsync<JsonRpcTransportException>(() => follower.PollAsync(CancellationToken.None));
        chain.Mine(1); // the chain moves on before the retry
        var update = await follower.PollAsync(CancellationToken.None);

        Assert.Equal(1, node.Failures);
        Assert.Equal(19UL, update.Reorg!.CommonAncestor.Number);
        Assert.Equal([20UL, 21, 22, 23, 24], update.Reorg.Removed.Select(b => b.Number));
        Assert.Equal([20UL, 21, 22], update.NewBlocks.Select(b => b.Number));
    }

    [Fact]
    public async Task Poll_ReorgDeeperThanHistory_Throws()
    {
        var chain = new FakeChain(50);
        var follower = new ChainFollower(new EthApi(chain), new ChainFollowerOptions { HistoryDepth = 8 });
        await follower.PollAsync(CancellationToken.None);
        chain.Mine(10);
        await follower.PollAsync(CancellationToken.None); // remembers 52-59

        chain.Reorg(ancestor: 40, newBlocks: 25);

        var error = await Assert.ThrowsAsync<ReorgTooDeepException>(() => follower.PollAsync(CancellationToken.None));
        Assert.Equal(52UL, error.OldestKnownBlock);
    }

    [Fact]
    public async Task Resume_FromCheckpointThenReorgWhileDown_ReportsIt()
    {
        var chain = new FakeChain(30);
        var first = new ChainFollower(new EthApi(chain));
        await first.PollAsync(CancellationToken.None);
        chain.Mine(3);
        await first.PollAsync(CancellationToken.None);
        var checkpoint = first.RecentBlocks;

        chain.Reorg(ancestor: 30, newBlocks: 4);
        var resumed = new ChainFollower(new EthApi(chain));
        resumed.Resume(checkpoint);
        var update = await resumed.PollAsync(CancellationToken.None);

        Assert.Equal(30UL, update.Reorg!.CommonAncestor.Number);
        Assert.Equal([31UL, 32], update.Reorg.Removed.Select(b => b.Number));
        Assert.Equal([31UL, 32, 33, 34], update.NewBlocks.Select(b => b.Number));
    }

    [Fact]
    public void Resume_BlocksNotAChain_Throws()
    {
        var a = new BlockHeader(1, global::Keeper.Chain.Primitives.Hash32.Zero, global::Keeper.Chain.Primitives.Hash32.Zero, 0, null, 0, 0);
        var c = a with { Number = 3 };
        Assert.Throws<ArgumentException>(() => new ChainFollower(new EthApi(new FakeChain(1))).Resume([a, c]));
    }
}
