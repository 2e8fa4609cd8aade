using Keeper.Actors.Gate.Claims;
using Xunit;

namespace Keeper.Testing.Gate;

/// <content>Re-opening a mined claim after a reorg undid its transaction.</content>
public abstract partial class ClaimStoreContractTests
{
    [Fact]
    public async Task ReopenAsync_OwnMinedClaim_PendingAgainAndBlocksOtherWindows()
    {
        var store = await OpenAsync();
        await store.TryClaimAsync(NewClaim(Task1, 1, "keeper-a"), Head, CancellationToken.None);
        await store.UpdateAsync(Task1, 1, "keeper-a", ClaimState.Mined, Tx(0x01), null, T0 + TimeSpan.FromSeconds(12), CancellationToken.None);

        var reopened = await store.ReopenAsync(Task1, 1, "keeper-a", T0 + TimeSpan.FromSeconds(40), CancellationToken.None);
        var other = await store.TryClaimAsync(NewClaim(Task1, 2, "keeper-b", TimeSpan.FromSeconds(41)), Head, CancellationToken.None);

        Assert.True(reopened);
        var claim = Assert.Single(await store.GetPendingAsync(CancellationToken.None));
        Assert.Equal((Task1, 1L, "keeper-a", ClaimState.Pending, Tx(0x01), T0 + TimeSpan.FromSeconds(40)), (claim.TaskKey, claim.Window, claim.MemberId, claim.State, claim.TxHash, claim.Updated));
        Assert.Equal(ClaimOutcome.PendingElsewhere, other.Outcome);
    }

    [Fact]
    public async Task ReopenAsync_TaskAlreadyPendingElsewhere_RefusedAndNothingChanges()
    {
        var store = await OpenAsync();
        await store.TryClaimAsync(NewClaim(Task1, 1, "keeper-a"), Head, CancellationToken.None);
        var mined = await store.UpdateAsync(Task1, 1, "keeper-a", ClaimState.Mined, Tx(0x01), null, T0 + TimeSpan.FromSeconds(12), CancellationToken.None);
        var theirs = NewClaim(Task1, 2, "keeper-b", TimeSpan.FromSeconds(30));
        await store.TryClaimAsync(theirs, Head, CancellationToken.None);

        var reopened = await store.ReopenAsync(Task1, 1, "keeper-a", T0 + TimeSpan.FromSeconds(40), CancellationToken.None);

        Assert.False(reopened);
        Assert.Equal([mined, theirs], await store.GetAsync(Task1, CancellationToken.None));
    }

    [Theory]
    [InlineData("keeper-b", ClaimState.Mined)]
    [InlineData("keeper-a", ClaimState.Abandoned)]
    [InlineData("keeper-a", ClaimState.Failed)]
    public async Task ReopenAsync_NotOwnOrNotMined_RefusedAndNothingChanges(string member, ClaimState state)
    {
        var store = await OpenAsync();
        await store.TryClaimAsync(NewClaim(Task1, 1, "keeper-a"), Head, CancellationToken.None);
        var final = await store.UpdateAsync(Task1, 1, "keeper-a", state, Tx(0x01), null, T0 + TimeSpan.FromSeconds(12), CancellationToken.None);

        var reopened = await store.ReopenAsync(Task1, 1, member, T0 + TimeSpan.FromSeconds(40), CancellationToken.None);

        Assert.False(reopened);
        Assert.Equal([final], await store.GetAsync(Task1, CancellationToken.None));
    }

    [Fact]
    public async Task ReopenAsync_SixteenConcurrentOwnersOfMinedClaims_AtMostOnePending()
    {
        var store = await OpenAsync();
        for (var window = 0; window < 16; window++)
        {
            var member = $"keeper-{window}";
            await store.TryClaimAsync(NewClaim(Task1, window, member, TimeSpan.FromSeconds(window)), Head, CancellationToken.None);
            await store.UpdateAsync(Task1, window, member, ClaimState.Mined, Tx((byte)(window + 1)), null, T0 + TimeSpan.FromSeconds(window + 1), CancellationToken.None);
        }

        var stores = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => OpenAsync()));
        var results = await Task.WhenAll(stores.Select((s, window) => ReopenOrFalseAsync(s, window)));

        Assert.Equal(1, results.Count(r => r));
        Assert.Single(await store.GetPendingAsync(CancellationToken.None));
    }

    // A concurrent re-open that loses to another in the database's unique index may surface as a store error: either
    // way it did not re-open.
    private static async Task<bool> ReopenOrFalseAsync(IClaimStore store, int window)
    {
        try
        {
            return await store.ReopenAsync(Task1, window, $"keeper-{window}", T0 + TimeSpan.FromSeconds(60), CancellationToken.None);
        }
        catch (Keeper.Actors.Persistence.StoreException)
        {
            return false;
        }
    }
}
