using Keeper.Actors.Gate.Claims;
using Keeper.Chain.Primitives;
using Xunit;

namespace Keeper.Testing.Gate;

/// <summary>
/// The behaviour every <see cref="IClaimStore"/> must have. A store's test class derives from this and says how to open
/// and close a store and how to run raw SQL on its database; every open within one test reaches the same storage, and
/// each test starts with empty storage.
/// </summary>
public abstract partial class ClaimStoreContractTests : IAsyncLifetime
{
    /// <summary>The time tests start at; every time in these tests is derived from it.</summary>
    protected static readonly DateTimeOffset T0 = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    private const string Task1 = "dissolve:megapool:0x1111111111111111111111111111111111111111:7";
    private const string Task2 = "dissolve:minipool:0x2222222222222222222222222222222222222222";

    // The claimer's head in tests that do not exercise the reorg fence.
    private const ulong Head = 1_000;

    private readonly List<IClaimStore> _open = [];

    /// <summary>Opens a new store instance (its own connections) over this test's storage.</summary>
    protected abstract Task<IClaimStore> OpenClaimStoreAsync();

    /// <summary>Closes a store from <see cref="OpenClaimStoreAsync"/>, releasing its connections.</summary>
    protected abstract ValueTask CloseClaimStoreAsync(IClaimStore store);

    /// <summary>Runs <paramref name="sql"/> directly on this test's database, past the store's code.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var store in _open.ToArray())
        {
            await CloseAsync(store);
        }
    }

    private static Claim NewClaim(string taskKey, long window, string memberId, TimeSpan? at = null) =>
        new(taskKey, window, memberId, null, ClaimState.Pending, T0 + (at ?? TimeSpan.Zero), T0 + (at ?? TimeSpan.Zero));

    private static Hash32 Tx(byte fill) => new(Enumerable.Repeat(fill, Hash32.Size).ToArray());

    private async Task<IClaimStore> OpenAsync()
    {
        var store = await OpenClaimStoreAsync();
        lock (_open)
        {
            _open.Add(store);
        }

        return store;
    }

    private async Task CloseAsync(IClaimStore store)
    {
        lock (_open)
        {
            _open.Remove(store);
        }

        await CloseClaimStoreAsync(store);
    }

    [Fact]
    public async Task AbandonStaleAsync_PendingClaimOfALeftMember_AbandonedOnceAndTheTaskIsFreeAgain()
    {
        var store = await OpenAsync();
        var stale = NewClaim(Task1, 0, "keeper-a");
        await store.TryClaimAsync(stale, Head, CancellationToken.None);

        Assert.True(await store.AbandonStaleAsync(stale, T0 + TimeSpan.FromSeconds(40), CancellationToken.None));
        Assert.False(await store.AbandonStaleAsync(stale, T0 + TimeSpan.FromSeconds(41), CancellationToken.None));

        Assert.Equal(ClaimState.Abandoned, Assert.Single(await store.GetAsync(Task1, CancellationToken.None)).State);
        Assert.True((await store.TryClaimAsync(NewClaim(Task1, 1, "keeper-b", TimeSpan.FromSeconds(42)), Head, CancellationToken.None)).IsClaimed);
    }

    [Fact]
    public async Task AbandonStaleAsync_ClaimAlreadyFinal_LeavesItAlone()
    {
        var store = await OpenAsync();
        var claim = NewClaim(Task1, 0, "keeper-a");
        await store.TryClaimAsync(claim, Head, CancellationToken.None);
        await store.UpdateAsync(Task1, 0, "keeper-a", ClaimState.Mined, Tx(1), null, T0, CancellationToken.None);

        Assert.False(await store.AbandonStaleAsync(claim, T0 + TimeSpan.FromSeconds(40), CancellationToken.None));
        Assert.Equal(ClaimState.Mined, Assert.Single(await store.GetAsync(Task1, CancellationToken.None)).State);
    }

    [Fact]
    public async Task TryClaimAsync_FreeWindow_ClaimsAndStoresIt()
    {
        var store = await OpenAsync();
        var claim = NewClaim(Task1, 3, "keeper-a", TimeSpan.FromSeconds(5));

        var result = await store.TryClaimAsync(claim, Head, CancellationToken.None);

        Assert.Equal(new ClaimResult(ClaimOutcome.Claimed, claim), result);
        Assert.True(result.IsClaimed);
        Assert.Equal([claim], await store.GetAsync(Task1, CancellationToken.None));
        Assert.Equal([claim], await store.GetPendingAsync(CancellationToken.None));
        Assert.Empty(await store.GetAsync(Task2, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_WindowAlreadyClaimed_RejectsWithTheExistingClaim()
    {
        var store = await OpenAsync();
        var first = NewClaim(Task1, 0, "keeper-a");
        await store.TryClaimAsync(first, Head, CancellationToken.None);

        var own = await store.TryClaimAsync(first, Head, CancellationToken.None);
        var other = await store.TryClaimAsync(NewClaim(Task1, 0, "keeper-b", TimeSpan.FromSeconds(1)), Head, CancellationToken.None);

        Assert.Equal(new ClaimResult(ClaimOutcome.WindowTaken, first), own);
        Assert.Equal(new ClaimResult(ClaimOutcome.WindowTaken, first), other);
        Assert.False(other.IsClaimed);
        Assert.Equal([first], await store.GetAsync(Task1, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_SixteenConcurrentAttemptsOnOneWindow_ExactlyOneWins()
    {
        const int Attempts = 16;
        var stores = new[] { await OpenAsync(), await OpenAsync(), await OpenAsync(), await OpenAsync() };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, Attempts).Select(async i =>
        {
            await start.Task;
            return await stores[i % stores.Length].TryClaimAsync(NewClaim(Task1, 4, $"keeper-{i:D2}"), Head, CancellationToken.None);
        }).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(attempts).WaitAsync(TimeSpan.FromSeconds(30));

        var winner = Assert.Single(results, r => r.IsClaimed).Claim;
        Assert.All(results.Where(r => !r.IsClaimed), r => Assert.Equal(new ClaimResult(ClaimOutcome.WindowTaken, winner), r));
        Assert.Equal([winner], await stores[0].GetAsync(Task1, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_SixteenConcurrentAttemptsOnDifferentWindows_ExactlyOnePendingClaim()
    {
        const int Attempts = 16;
        var stores = new[] { await OpenAsync(), await OpenAsync(), await OpenAsync(), await OpenAsync() };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, Attempts).Select(async i =>
        {
            await start.Task;
            return await stores[i % stores.Length].TryClaimAsync(NewClaim(Task1, i, $"keeper-{i:D2}"), Head, CancellationToken.None);
        }).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(attempts).WaitAsync(TimeSpan.FromSeconds(30));

        var winner = Assert.Single(results, r => r.IsClaimed).Claim;
        Assert.All(results.Where(r => !r.IsClaimed), r => Assert.Equal(new ClaimResult(ClaimOutcome.PendingElsewhere, winner), r));
        Assert.Equal([winner], await stores[0].GetAsync(Task1, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_NextWindowWhileFirstPending_RejectsAsPendingElsewhere()
    {
        var store = await OpenAsync();
        var first = NewClaim(Task1, 0, "keeper-a");
        await store.TryClaimAsync(first, Head, CancellationToken.None);

        var second = await store.TryClaimAsync(NewClaim(Task1, 1, "keeper-b", TimeSpan.FromSeconds(24)), Head, CancellationToken.None);
        var otherTask = await store.TryClaimAsync(NewClaim(Task2, 1, "keeper-b"), Head, CancellationToken.None);

        Assert.Equal(new ClaimResult(ClaimOutcome.PendingElsewhere, first), second);
        Assert.True(otherTask.IsClaimed);
        Assert.Equal([first], await store.GetAsync(Task1, CancellationToken.None));
    }

    [Theory]
    [InlineData(ClaimState.Failed)]
    [InlineData(ClaimState.Abandoned)]
    [InlineData(ClaimState.Mined)]
    public async Task TryClaimAsync_NextWindowAfterFirstIsFinal_Claims(ClaimState final)
    {
        var store = await OpenAsync();
        await store.TryClaimAsync(NewClaim(Task1, 0, "keeper-a"), Head, CancellationToken.None);
        await store.UpdateAsync(Task1, 0, "keeper-a", final, null, null, T0 + TimeSpan.FromSeconds(20), CancellationToken.None);

        var second = NewClaim(Task1, 1, "keeper-b", TimeSpan.FromSeconds(24));
        var result = await store.TryClaimAsync(second, Head, CancellationToken.None);
        var sameWindowAgain = await store.TryClaimAsync(NewClaim(Task1, 0, "keeper-c", TimeSpan.FromSeconds(25)), Head, CancellationToken.None);

        Assert.Equal(new ClaimResult(ClaimOutcome.Claimed, second), result);
        Assert.Equal(ClaimOutcome.WindowTaken, sameWindowAgain.Outcome);
        Assert.Equal([0L, 1L], (await store.GetAsync(Task1, CancellationToken.None)).Select(c => c.Window));
        Assert.Equal([second], await store.GetPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Database_SecondPendingClaimOfATaskWrittenPastTheStore_IsRejectedByTheDatabase()
    {
        var store = await OpenAsync();
        await store.TryClaimAsync(NewClaim(Task1, 0, "keeper-a"), Head, CancellationToken.None);
        const string Insert = "INSERT INTO claim (task_key, window_nr, member_id, tx_hash, state, created, updated) VALUES ";

        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync(Insert + $"('{Task1}', 1, 'rogue', NULL, 'pending', 0, 0)"));
        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync(Insert + $"('{Task1}', 0, 'rogue', NULL, 'failed', 0, 0)"));
        await ExecuteSqlAsync(Insert + $"('{Task1}', 1, 'rogue', NULL, 'failed', 0, 0)");

        Assert.Equal(["keeper-a", "rogue"], (await store.GetAsync(Task1, CancellationToken.None)).Select(c => c.MemberId));
        Assert.Single(await store.GetPendingAsync(CancellationToken.None));
    }
}
