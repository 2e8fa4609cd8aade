using System.Numerics;
using Keeper.Actors.Gate.Claims;
using Xunit;

namespace Keeper.Testing.Gate;

/// <content>The cluster's history: every member's claims with their sent time and their transactions' cost.</content>
public abstract partial class ClaimStoreContractTests
{
    // 3,000,000,007 wei per gas: a price whose fee for a realistic gas figure exceeds 64 bits only in the sum, so the text
    // columns must keep every digit.
    private static readonly BigInteger Price = 3_000_000_007;

    [Fact]
    public async Task GetHistoryAsync_EveryMembersClaims_OldestFirstWithSentTimeAndReceipt()
    {
        var a = await OpenAsync();
        var b = await OpenAsync();
        await a.TryClaimAsync(NewClaim(Task1, 0, "keeper-a", TimeSpan.FromSeconds(10)), Head, CancellationToken.None);
        await b.TryClaimAsync(NewClaim(Task2, 3, "keeper-b", TimeSpan.FromSeconds(5)), Head, CancellationToken.None);
        await a.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Pending, Tx(0x01), null, T0 + TimeSpan.FromSeconds(11), CancellationToken.None);
        await a.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Pending, Tx(0x02), null, T0 + TimeSpan.FromSeconds(40), CancellationToken.None);
        await a.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Mined, Tx(0x02), Head + 64, new ClaimReceipt(Head, 61_234, Price), T0 + TimeSpan.FromSeconds(50), CancellationToken.None);
        await b.UpdateAsync(Task2, 3, "keeper-b", ClaimState.Failed, null, null, T0 + TimeSpan.FromSeconds(6), CancellationToken.None);

        var history = await b.GetHistoryAsync(T0, null, 100, CancellationToken.None);

        Assert.Equal([(Task2, 3L, "keeper-b"), (Task1, 0L, "keeper-a")], history.Select(h => (h.Claim.TaskKey, h.Claim.Window, h.Claim.MemberId)));
        var failed = history[0];
        Assert.Equal((ClaimState.Failed, (DateTimeOffset?)null, (ClaimReceipt?)null, T0 + TimeSpan.FromSeconds(5)), (failed.Claim.State, failed.SentAt, failed.Receipt, failed.Time));
        var mined = history[1];
        Assert.Equal((ClaimState.Mined, Tx(0x02), (DateTimeOffset?)(T0 + TimeSpan.FromSeconds(11))), (mined.Claim.State, mined.Claim.TxHash, mined.SentAt));
        Assert.Equal(new ClaimReceipt(Head, 61_234, Price), mined.Receipt);
        Assert.Equal(BigInteger.Parse("183702000428638", System.Globalization.CultureInfo.InvariantCulture), mined.Receipt!.Fee);
        Assert.Equal(T0 + TimeSpan.FromSeconds(11), mined.Time);
    }

    [Fact]
    public async Task GetHistoryAsync_SinceUntilAndLimit_SelectByClaimTime()
    {
        var store = await OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.TryClaimAsync(NewClaim(Task1 + i, 0, "keeper-a", TimeSpan.FromMinutes(i)), Head, CancellationToken.None);
        }

        var from1 = await store.GetHistoryAsync(T0 + TimeSpan.FromMinutes(1), T0 + TimeSpan.FromMinutes(4), 100, CancellationToken.None);
        var first2 = await store.GetHistoryAsync(T0, null, 2, CancellationToken.None);

        Assert.Equal([Task1 + 1, Task1 + 2, Task1 + 3], from1.Select(h => h.Claim.TaskKey));
        Assert.Equal([Task1 + 0, Task1 + 1], first2.Select(h => h.Claim.TaskKey));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetHistoryAsync(T0, null, 0, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetHistoryAsync(T0, T0 - TimeSpan.FromSeconds(1), 10, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_MinedAgainAfterReorg_ReplacesTheFiguresAndReopenClearsThem()
    {
        var store = await OpenAsync();
        await store.TryClaimAsync(NewClaim(Task1, 0, "keeper-a"), Head, CancellationToken.None);
        await store.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Pending, Tx(0x01), null, T0 + TimeSpan.FromSeconds(1), CancellationToken.None);
        await store.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Mined, Tx(0x01), Head + 64, new ClaimReceipt(Head, 50_000, Price), T0 + TimeSpan.FromSeconds(2), CancellationToken.None);

        await store.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Mined, Tx(0x01), Head + 66, new ClaimReceipt(Head + 2, 50_000, Price + 1), T0 + TimeSpan.FromSeconds(3), CancellationToken.None);
        var moved = Assert.Single(await store.GetHistoryAsync(T0, null, 10, CancellationToken.None));
        await store.ReopenAsync(Task1, 0, "keeper-a", T0 + TimeSpan.FromSeconds(4), CancellationToken.None);
        var reopened = Assert.Single(await store.GetHistoryAsync(T0, null, 10, CancellationToken.None));

        Assert.Equal(new ClaimReceipt(Head + 2, 50_000, Price + 1), moved.Receipt);
        Assert.Equal((ClaimState.Pending, (ClaimReceipt?)null, (DateTimeOffset?)(T0 + TimeSpan.FromSeconds(1))), (reopened.Claim.State, reopened.Receipt, reopened.SentAt));
    }
}
