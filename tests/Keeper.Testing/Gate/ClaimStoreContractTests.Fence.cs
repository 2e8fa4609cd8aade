using Keeper.Actors.Gate.Claims;
using Xunit;

namespace Keeper.Testing.Gate;

/// <content>
/// The reorg fence: a successful mined claim blocks the task, for every member, until the claimer's head passes the block
/// up to which its member watches the transaction for a reorg.
/// </content>
public abstract partial class ClaimStoreContractTests
{
    private const ulong Fence = 1_064;

    private async Task<(IClaimStore Store, Claim Mined)> MinedAndFencedAsync(string member = "keeper-a", long window = 1)
    {
        var store = await OpenAsync();
        await store.TryClaimAsync(NewClaim(Task1, window, member), Head, CancellationToken.None);
        var mined = await store.UpdateAsync(Task1, window, member, ClaimState.Mined, Tx(0x01), Fence, T0 + TimeSpan.FromSeconds(36), CancellationToken.None);
        return (store, mined);
    }

    [Fact]
    public async Task UpdateAsync_MinedWithFence_StoresTheFenceBlock()
    {
        var (store, mined) = await MinedAndFencedAsync();

        Assert.Equal((ClaimState.Mined, Tx(0x01), (ulong?)Fence), (mined.State, mined.TxHash, mined.FenceUntil));
        Assert.Equal([mined], await store.GetAsync(Task1, CancellationToken.None));
        Assert.Empty(await store.GetPendingAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(Head)]
    [InlineData(Fence - 1)]
    [InlineData(Fence)]
    public async Task TryClaimAsync_AnotherMemberWithinTheFence_RefusedAsReorgFenced(ulong head)
    {
        var (store, mined) = await MinedAndFencedAsync();

        var result = await store.TryClaimAsync(NewClaim(Task1, 2, "keeper-b", TimeSpan.FromSeconds(48)), head, CancellationToken.None);

        Assert.Equal(new ClaimResult(ClaimOutcome.ReorgFenced, mined), result);
        Assert.Equal([mined], await store.GetAsync(Task1, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_TheFencedMembersOwnNewWindow_RefusedToo_ItReopensInstead()
    {
        var (store, mined) = await MinedAndFencedAsync();

        var own = await store.TryClaimAsync(NewClaim(Task1, 3, "keeper-a", TimeSpan.FromSeconds(72)), Fence, CancellationToken.None);
        var reopened = await store.ReopenAsync(Task1, 1, "keeper-a", T0 + TimeSpan.FromSeconds(80), CancellationToken.None);
        var other = await store.TryClaimAsync(NewClaim(Task1, 4, "keeper-b", TimeSpan.FromSeconds(96)), Fence + 100, CancellationToken.None);

        Assert.Equal(new ClaimResult(ClaimOutcome.ReorgFenced, mined), own);
        Assert.True(reopened);
        var pending = mined with { State = ClaimState.Pending, FenceUntil = null, Updated = T0 + TimeSpan.FromSeconds(80) };
        Assert.Equal(new ClaimResult(ClaimOutcome.PendingElsewhere, pending), other);
        Assert.Equal([pending], await store.GetAsync(Task1, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_HeadPastTheFence_LiftsItAndClaims_TheTaskIsDoneForGoodForTheFormerMember()
    {
        var (store, mined) = await MinedAndFencedAsync();

        var next = NewClaim(Task1, 2, "keeper-b", TimeSpan.FromSeconds(48));
        var result = await store.TryClaimAsync(next, Fence + 1, CancellationToken.None);
        var reopened = await store.ReopenAsync(Task1, 1, "keeper-a", T0 + TimeSpan.FromSeconds(50), CancellationToken.None);

        Assert.Equal(new ClaimResult(ClaimOutcome.Claimed, next), result);
        Assert.False(reopened);
        Assert.Equal([mined with { FenceUntil = null }, next], await store.GetAsync(Task1, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_MinedWithoutFence_AReverted_DoesNotBlock()
    {
        var store = await OpenAsync();
        await store.TryClaimAsync(NewClaim(Task1, 1, "keeper-a"), Head, CancellationToken.None);
        await store.UpdateAsync(Task1, 1, "keeper-a", ClaimState.Mined, Tx(0x01), null, T0 + TimeSpan.FromSeconds(36), CancellationToken.None);

        Assert.True((await store.TryClaimAsync(NewClaim(Task1, 2, "keeper-b", TimeSpan.FromSeconds(48)), Head, CancellationToken.None)).IsClaimed);
    }

    [Fact]
    public async Task TryClaimAllAsync_FencedTaskBesideAFreeOne_FencedRefusedFreeClaimed()
    {
        var (store, mined) = await MinedAndFencedAsync();
        var fenced = NewClaim(Task1, 2, "keeper-b", TimeSpan.FromSeconds(48));
        var free = NewClaim(Task2, 0, "keeper-b", TimeSpan.FromSeconds(48));

        var results = await store.TryClaimAllAsync([fenced, free], Fence, CancellationToken.None);

        Assert.Equal([new ClaimResult(ClaimOutcome.ReorgFenced, mined), new ClaimResult(ClaimOutcome.Claimed, free)], results);
    }

    [Fact]
    public async Task UpdateAsync_SameTransactionMinedAgainLater_MovesTheFenceForwardOnly()
    {
        var (store, mined) = await MinedAndFencedAsync();

        var later = await store.UpdateAsync(Task1, 1, "keeper-a", ClaimState.Mined, Tx(0x01), Fence + 3, T0 + TimeSpan.FromSeconds(80), CancellationToken.None);
        var earlier = await store.UpdateAsync(Task1, 1, "keeper-a", ClaimState.Mined, Tx(0x01), Fence, T0 + TimeSpan.FromSeconds(90), CancellationToken.None);

        Assert.Equal(mined with { FenceUntil = Fence + 3, Updated = T0 + TimeSpan.FromSeconds(80) }, later);
        Assert.Equal(later, earlier);
        Assert.Equal(ClaimOutcome.ReorgFenced, (await store.TryClaimAsync(NewClaim(Task1, 2, "keeper-b"), Fence + 3, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task UpdateAsync_FenceAlreadyLifted_StaysDown()
    {
        var (store, mined) = await MinedAndFencedAsync();
        var next = NewClaim(Task1, 2, "keeper-b", TimeSpan.FromSeconds(48));
        await store.TryClaimAsync(next, Fence + 1, CancellationToken.None);

        var again = await store.UpdateAsync(Task1, 1, "keeper-a", ClaimState.Mined, Tx(0x01), Fence + 10, T0 + TimeSpan.FromSeconds(90), CancellationToken.None);

        Assert.Equal(mined with { FenceUntil = null }, again);
        Assert.Equal([again, next], await store.GetAsync(Task1, CancellationToken.None));
    }

    [Theory]
    [InlineData(ClaimState.Pending)]
    [InlineData(ClaimState.Failed)]
    [InlineData(ClaimState.Abandoned)]
    public async Task UpdateAsync_FenceWithAStateOtherThanMined_ThrowsAndWritesNothing(ClaimState state)
    {
        var store = await OpenAsync();
        var claim = NewClaim(Task1, 1, "keeper-a");
        await store.TryClaimAsync(claim, Head, CancellationToken.None);

        var e = await Assert.ThrowsAsync<ArgumentException>(
            () => store.UpdateAsync(Task1, 1, "keeper-a", state, Tx(0x01), Fence, T0 + TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Contains("Only a mined claim gets a reorg fence", e.Message, StringComparison.Ordinal);
        Assert.Equal([claim], await store.GetAsync(Task1, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_NewClaimCarryingAFence_Throws()
    {
        var store = await OpenAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.TryClaimAsync(NewClaim(Task1, 0, "keeper-a") with { FenceUntil = 5 }, Head, CancellationToken.None));

        Assert.Empty(await store.GetAsync(Task1, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_SixteenClaimersWhileTheHolderTurnsMinedAndFenced_NoneClaims()
    {
        // The race the fence exists for: the holder's pending claim becomes mined (fenced) while others try later windows.
        // Whether a claimer ran before or after the holder's update, the task stayed blocked for it.
        const int Attempts = 16;
        var holder = await OpenAsync();
        await holder.TryClaimAsync(NewClaim(Task1, 0, "keeper-a"), Head, CancellationToken.None);
        var stores = new[] { await OpenAsync(), await OpenAsync(), await OpenAsync(), await OpenAsync() };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(1, Attempts).Select(async i =>
        {
            await start.Task;
            return await stores[i % stores.Length].TryClaimAsync(NewClaim(Task1, i, $"keeper-{i:D2}"), Head, CancellationToken.None);
        }).ToArray();
        var mine = Task.Run(async () =>
        {
            await start.Task;
            return await holder.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Mined, Tx(0x01), Fence, T0 + TimeSpan.FromSeconds(12), CancellationToken.None);
        });
        start.SetResult();
        var results = await Task.WhenAll(attempts).WaitAsync(TimeSpan.FromSeconds(30));
        var mined = await mine.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(results, r => r.IsClaimed);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { ClaimOutcome.PendingElsewhere, ClaimOutcome.ReorgFenced }));
        Assert.Equal([mined], await holder.GetAsync(Task1, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_SixteenClaimersPastTheFenceWhileTheMemberReopens_ExactlyOneBlockingClaim()
    {
        const int Attempts = 16;
        var (owner, _) = await MinedAndFencedAsync(window: 0);
        var stores = new[] { await OpenAsync(), await OpenAsync(), await OpenAsync(), await OpenAsync() };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(1, Attempts).Select(async i =>
        {
            await start.Task;
            return await stores[i % stores.Length].TryClaimAsync(NewClaim(Task1, i, $"keeper-{i:D2}"), Fence + 1, CancellationToken.None);
        }).ToArray();
        var reopen = Task.Run(async () =>
        {
            await start.Task;
            return await ReopenOrFalseAsync(owner, 0);
        });
        start.SetResult();
        var results = await Task.WhenAll(attempts).WaitAsync(TimeSpan.FromSeconds(30));
        var reopened = await reopen.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, results.Count(r => r.IsClaimed) + (reopened ? 1 : 0));
        Assert.Single(await owner.GetPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Database_SecondBlockingClaimWrittenPastTheStore_IsRejectedByTheDatabase()
    {
        var (store, _) = await MinedAndFencedAsync();
        const string Insert = "INSERT INTO claim (task_key, window_nr, member_id, tx_hash, state, created, updated, fence_until) VALUES ";

        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync(Insert + $"('{Task1}', 2, 'rogue', NULL, 'pending', 0, 0, NULL)"));
        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync(Insert + $"('{Task1}', 2, 'rogue', NULL, 'mined', 0, 0, 5)"));
        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync(Insert + $"('{Task2}', 0, 'rogue', NULL, 'failed', 0, 0, 5)"));
        await ExecuteSqlAsync(Insert + $"('{Task1}', 2, 'rogue', NULL, 'mined', 0, 0, NULL)");

        Assert.Equal(["keeper-a", "rogue"], (await store.GetAsync(Task1, CancellationToken.None)).Select(c => c.MemberId));
    }
}
