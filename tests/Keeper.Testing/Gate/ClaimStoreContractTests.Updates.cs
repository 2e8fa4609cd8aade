using Keeper.Actors.Gate.Claims;
using Xunit;

namespace Keeper.Testing.Gate;

/// <content>State updates, ownership, reads, persistence and argument checks.</content>
public abstract partial class ClaimStoreContractTests
{
    [Fact]
    public async Task UpdateAsync_ByOwner_RecordsHashesThenTheFinalState()
    {
        var store = await OpenAsync();
        var claim = NewClaim(Task1, 2, "keeper-a");
        await store.TryClaimAsync(claim, Head, CancellationToken.None);

        var sent = await store.UpdateAsync(Task1, 2, "keeper-a", ClaimState.Pending, Tx(0x01), null, T0 + TimeSpan.FromSeconds(1), CancellationToken.None);
        var replaced = await store.UpdateAsync(Task1, 2, "keeper-a", ClaimState.Pending, Tx(0x02), null, T0 + TimeSpan.FromSeconds(30), CancellationToken.None);
        var mined = await store.UpdateAsync(Task1, 2, "keeper-a", ClaimState.Mined, null, null, T0 + TimeSpan.FromSeconds(36), CancellationToken.None);

        Assert.Equal(claim with { TxHash = Tx(0x01), Updated = T0 + TimeSpan.FromSeconds(1) }, sent);
        Assert.Equal(claim with { TxHash = Tx(0x02), Updated = T0 + TimeSpan.FromSeconds(30) }, replaced);
        Assert.Equal(claim with { TxHash = Tx(0x02), State = ClaimState.Mined, Updated = T0 + TimeSpan.FromSeconds(36) }, mined);
        Assert.Equal([mined], await store.GetAsync(Task1, CancellationToken.None));
        Assert.Empty(await store.GetPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_ByAnotherMember_ThrowsNotOwnerAndChangesNothing()
    {
        var stores = new[] { await OpenAsync(), await OpenAsync() };
        var claim = NewClaim(Task1, 0, "keeper-a");
        await stores[0].TryClaimAsync(claim, Head, CancellationToken.None);

        var e = await Assert.ThrowsAsync<ClaimUpdateException>(
            () => stores[1].UpdateAsync(Task1, 0, "keeper-b", ClaimState.Abandoned, Tx(9), null, T0 + TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Equal((ClaimUpdateError.NotOwner, Task1, 0L, "keeper-b", claim), (e.Error, e.TaskKey, e.Window, e.MemberId, e.Current));
        Assert.Equal([claim], await stores[0].GetAsync(Task1, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_NoSuchClaim_ThrowsNotFound()
    {
        var store = await OpenAsync();
        await store.TryClaimAsync(NewClaim(Task1, 0, "keeper-a"), Head, CancellationToken.None);

        var e = await Assert.ThrowsAsync<ClaimUpdateException>(
            () => store.UpdateAsync(Task1, 1, "keeper-a", ClaimState.Failed, null, null, T0, CancellationToken.None));

        Assert.Equal((ClaimUpdateError.NotFound, (Claim?)null), (e.Error, e.Current));
    }

    [Fact]
    public async Task UpdateAsync_FinalClaim_SameUpdateIsIdempotentAndAnyOtherIsRefused()
    {
        var store = await OpenAsync();
        await store.TryClaimAsync(NewClaim(Task1, 0, "keeper-a"), Head, CancellationToken.None);
        var mined = await store.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Mined, Tx(1), null, T0 + TimeSpan.FromSeconds(12), CancellationToken.None);

        var repeated = await store.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Mined, Tx(1), null, T0 + TimeSpan.FromSeconds(20), CancellationToken.None);
        var repeatedWithoutHash = await store.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Mined, null, null, T0 + TimeSpan.FromSeconds(21), CancellationToken.None);
        var toFailed = await Assert.ThrowsAsync<ClaimUpdateException>(
            () => store.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Failed, null, null, T0 + TimeSpan.FromSeconds(22), CancellationToken.None));
        var otherHash = await Assert.ThrowsAsync<ClaimUpdateException>(
            () => store.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Mined, Tx(2), null, T0 + TimeSpan.FromSeconds(23), CancellationToken.None));
        var backToPending = await Assert.ThrowsAsync<ClaimUpdateException>(
            () => store.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Pending, null, null, T0 + TimeSpan.FromSeconds(24), CancellationToken.None));

        Assert.Equal(mined, repeated);
        Assert.Equal(mined, repeatedWithoutHash);
        Assert.All([toFailed, otherHash, backToPending], e => Assert.Equal((ClaimUpdateError.AlreadyFinal, mined), (e.Error, e.Current)));
        Assert.Equal([mined], await store.GetAsync(Task1, CancellationToken.None));
    }

    [Fact]
    public async Task GetPendingAsync_SeveralTasks_ReturnsOnlyPendingOnesByTaskKey()
    {
        var store = await OpenAsync();
        var b = NewClaim("b-task", 0, "keeper-a");
        var a = NewClaim("a-task", 5, "keeper-b");
        await store.TryClaimAsync(b, Head, CancellationToken.None);
        await store.TryClaimAsync(a, Head, CancellationToken.None);
        await store.TryClaimAsync(NewClaim("c-task", 0, "keeper-a"), Head, CancellationToken.None);
        await store.UpdateAsync("c-task", 0, "keeper-a", ClaimState.Failed, null, null, T0, CancellationToken.None);

        Assert.Equal([a, b], await store.GetPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reopen_AfterClose_ClaimsAreThereAndStillEnforced()
    {
        var store = await OpenAsync();
        var claim = NewClaim(Task1, 0, "keeper-a");
        await store.TryClaimAsync(claim, Head, CancellationToken.None);
        var sent = await store.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Pending, Tx(7), null, T0 + TimeSpan.FromSeconds(1), CancellationToken.None);
        await CloseAsync(store);

        var reopened = await OpenAsync();

        Assert.Equal([sent], await reopened.GetAsync(Task1, CancellationToken.None));
        Assert.Equal(ClaimOutcome.PendingElsewhere, (await reopened.TryClaimAsync(NewClaim(Task1, 1, "keeper-b"), Head, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Operations_BadArguments_ThrowArgumentExceptionsAndWriteNothing()
    {
        var store = await OpenAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.TryClaimAsync(null!, Head, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.TryClaimAsync(NewClaim("", 0, "keeper-a"), Head, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.TryClaimAsync(NewClaim(Task1, -1, "keeper-a"), Head, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.TryClaimAsync(NewClaim(Task1, 0, ""), Head, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.TryClaimAsync(NewClaim(new string('k', 201), 0, "keeper-a"), Head, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.TryClaimAsync(NewClaim(Task1, 0, "keeper-a") with { State = ClaimState.Mined }, Head, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.UpdateAsync(Task1, 0, "keeper-a", (ClaimState)9, null, null, T0, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.GetAsync("", CancellationToken.None));

        Assert.Empty(await store.GetPendingAsync(CancellationToken.None));
        Assert.Empty(await store.GetAsync(Task1, CancellationToken.None));
    }
}
