using System.Text;
using Keeper.Actors.Persistence;
using Xunit;

namespace Keeper.Testing.Persistence;

/// <summary>
/// The behaviour every <see cref="ISnapshotStore"/> must have. A store's test class derives from this and says how to
/// open and close a store; each test starts with empty storage.
/// </summary>
public abstract class SnapshotStoreContractTests : IAsyncLifetime
{
    private readonly List<ISnapshotStore> _open = [];

    /// <summary>The clock the store under test must use.</summary>
    protected StoreTestClock Clock { get; } = new(new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero));

    /// <summary>Opens a new store over this test's storage (the same storage for every call in one test), using <see cref="Clock"/>.</summary>
    protected abstract Task<ISnapshotStore> OpenSnapshotStoreAsync();

    /// <summary>Closes a store from <see cref="OpenSnapshotStoreAsync"/>, releasing its connections.</summary>
    protected abstract ValueTask CloseSnapshotStoreAsync(ISnapshotStore store);

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

    private static SnapshotEntry Snapshot(string persistenceId, long sequenceNr, string state = "state") =>
        new(persistenceId, sequenceNr, "Keeper.Test.State", Encoding.UTF8.GetBytes($"{persistenceId}#{sequenceNr}:{state}"));

    private async Task<ISnapshotStore> OpenAsync()
    {
        var store = await OpenSnapshotStoreAsync();
        _open.Add(store);
        return store;
    }

    private async Task CloseAsync(ISnapshotStore store)
    {
        _open.Remove(store);
        await CloseSnapshotStoreAsync(store);
    }

    [Fact]
    public async Task SaveAsync_ThenLoadLatest_ReturnsItWithCreatedAssigned()
    {
        var store = await OpenAsync();

        var saved = await store.SaveAsync(Snapshot("a", 7) with { Created = DateTimeOffset.UnixEpoch }, CancellationToken.None);
        var loaded = await store.LoadLatestAsync("a", long.MaxValue, CancellationToken.None);

        Assert.Equal(Clock.GetUtcNow(), saved.Created);
        Assert.Equal(saved, loaded);
        Assert.Equal(Snapshot("a", 7).Payload, loaded!.Payload);
        Assert.Equal("Keeper.Test.State", loaded.Manifest);
    }

    [Fact]
    public async Task LoadLatestAsync_NoSnapshot_ReturnsNull()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Snapshot("a", 1), CancellationToken.None);

        Assert.Null(await store.LoadLatestAsync("b", long.MaxValue, CancellationToken.None));
    }

    [Theory]
    [InlineData(long.MaxValue, 9L)]
    [InlineData(9L, 9L)]
    [InlineData(8L, 5L)]
    [InlineData(5L, 5L)]
    [InlineData(4L, 3L)]
    [InlineData(2L, null)]
    [InlineData(0L, null)]
    public async Task LoadLatestAsync_PicksHighestAtOrBelowMax(long max, long? expected)
    {
        var store = await OpenAsync();
        foreach (var sequenceNr in new long[] { 5, 3, 9 })
        {
            await store.SaveAsync(Snapshot("a", sequenceNr), CancellationToken.None);
        }

        await store.SaveAsync(Snapshot("b", 20), CancellationToken.None);

        var loaded = await store.LoadLatestAsync("a", max, CancellationToken.None);

        Assert.Equal(expected, loaded?.SequenceNr);
        if (loaded is not null)
        {
            Assert.Equal(Snapshot("a", loaded.SequenceNr).Payload, loaded.Payload);
        }
    }

    [Fact]
    public async Task SaveAsync_SameSequenceNr_ReplacesTheSnapshot()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Snapshot("a", 4, "old"), CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var replacement = await store.SaveAsync(Snapshot("a", 4, "new") with { Manifest = "Keeper.Test.StateV2" }, CancellationToken.None);

        var loaded = await store.LoadLatestAsync("a", long.MaxValue, CancellationToken.None);
        Assert.Equal(replacement, loaded);
        Assert.Equal("Keeper.Test.StateV2", loaded!.Manifest);
        Assert.Equal(Clock.GetUtcNow(), loaded.Created);
        await store.DeleteAsync("a", 3, CancellationToken.None);
        Assert.NotNull(await store.LoadLatestAsync("a", 4, CancellationToken.None));
        await store.DeleteAsync("a", 4, CancellationToken.None);
        Assert.Null(await store.LoadLatestAsync("a", long.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_RemovesOnlyThatIdAtOrBelowMax()
    {
        var store = await OpenAsync();
        foreach (var sequenceNr in new long[] { 2, 4, 6 })
        {
            await store.SaveAsync(Snapshot("a", sequenceNr), CancellationToken.None);
            await store.SaveAsync(Snapshot("b", sequenceNr), CancellationToken.None);
        }

        await store.DeleteAsync("a", 4, CancellationToken.None);

        Assert.Equal(6, (await store.LoadLatestAsync("a", long.MaxValue, CancellationToken.None))?.SequenceNr);
        Assert.Null(await store.LoadLatestAsync("a", 5, CancellationToken.None));
        Assert.Equal(4, (await store.LoadLatestAsync("b", 5, CancellationToken.None))?.SequenceNr);
        await store.DeleteAsync("a", long.MaxValue, CancellationToken.None);
        Assert.Null(await store.LoadLatestAsync("a", long.MaxValue, CancellationToken.None));
        Assert.Equal(6, (await store.LoadLatestAsync("b", long.MaxValue, CancellationToken.None))?.SequenceNr);
    }

    [Fact]
    public async Task SaveAsync_MalformedSnapshot_ThrowsArgumentException()
    {
        var store = await OpenAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(Snapshot("", 1), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(Snapshot("a", 0), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(Snapshot("a", 1) with { Manifest = "" }, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(Snapshot("a", 1) with { Payload = null! }, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.LoadLatestAsync("", 1, CancellationToken.None));

        Assert.Null(await store.LoadLatestAsync("a", long.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task Reopen_AfterClose_SnapshotsAreThere()
    {
        var store = await OpenAsync();
        var large = new byte[300_000];
        new Random(1234).NextBytes(large);
        var saved = await store.SaveAsync(new SnapshotEntry("a", 12, "Large", large), CancellationToken.None);
        await CloseAsync(store);

        var reopened = await OpenAsync();

        Assert.Equal(saved, await reopened.LoadLatestAsync("a", long.MaxValue, CancellationToken.None));
    }
}
