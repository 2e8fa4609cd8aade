using System.Text;
using Keeper.Actors.Persistence;
using Xunit;

namespace Keeper.Testing.Persistence;

/// <summary>
/// The behaviour every <see cref="IJournal"/> must have. A store's test class derives from this and says how to open
/// and close a journal; xunit runs every test here against it, each on fresh storage.
/// </summary>
public abstract partial class JournalContractTests : IAsyncLifetime
{
    private readonly List<IJournal> _open = [];

    /// <summary>The clock the store under test must use; tests read it to check assigned times.</summary>
    protected StoreTestClock Clock { get; } = new(new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero));

    /// <summary>
    /// Opens a new journal over this test's storage, using <see cref="Clock"/>. Every call within one test opens the
    /// same storage (so a test can reopen it, or run two instances side by side); each test starts with empty storage.
    /// </summary>
    protected abstract Task<IJournal> OpenJournalAsync();

    /// <summary>Closes a journal from <see cref="OpenJournalAsync"/>, releasing its connections, so that a later open really reopens.</summary>
    protected abstract ValueTask CloseJournalAsync(IJournal journal);

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var journal in _open.ToArray())
        {
            await CloseAsync(journal);
        }
    }

    /// <summary>An entry whose payload is derived from its id and number, so a read can check it came back intact.</summary>
    protected static JournalEntry Entry(string persistenceId, long sequenceNr, params string[] tags) =>
        new(persistenceId, sequenceNr, "Keeper.Test.Event", PayloadOf(persistenceId, sequenceNr)) { Tags = tags };

    /// <summary>The payload <see cref="Entry"/> gives (<paramref name="persistenceId"/>, <paramref name="sequenceNr"/>).</summary>
    protected static byte[] PayloadOf(string persistenceId, long sequenceNr) => Encoding.UTF8.GetBytes($"{persistenceId}#{sequenceNr}");

    private async Task<IJournal> OpenAsync()
    {
        var journal = await OpenJournalAsync();
        lock (_open)
        {
            _open.Add(journal);
        }

        return journal;
    }

    private async Task CloseAsync(IJournal journal)
    {
        lock (_open)
        {
            _open.Remove(journal);
        }

        await CloseJournalAsync(journal);
    }

    private static Task WriteAsync(IJournal journal, params JournalEntry[] entries) => journal.WriteAsync(entries, CancellationToken.None);

    private static Task<IReadOnlyList<JournalEntry>> ReadAllOfAsync(IJournal journal, string persistenceId) =>
        journal.ReadAsync(persistenceId, 0, long.MaxValue, int.MaxValue, CancellationToken.None);

    private static long[] SequenceNrs(IEnumerable<JournalEntry> entries) => entries.Select(e => e.SequenceNr).ToArray();

    [Fact]
    public async Task WriteAsync_ThenReadAsync_ReturnsEntriesInOrderWithOrderingAndCreatedAssigned()
    {
        var journal = await OpenAsync();
        var written = new[] { Entry("a", 1, "t1"), Entry("a", 2), Entry("a", 3, "t1", "t2") with { Ordering = 999, Created = DateTimeOffset.UnixEpoch } };

        var stored = await journal.WriteAsync(written, CancellationToken.None);
        var read = await ReadAllOfAsync(journal, "a");

        Assert.Equal(stored, read);
        Assert.Equal([1L, 2L, 3L], SequenceNrs(read));
        Assert.All(read, e => Assert.Equal(Clock.GetUtcNow(), e.Created));
        Assert.True(read[0].Ordering < read[1].Ordering && read[1].Ordering < read[2].Ordering, "orderings must increase within a batch");
        Assert.NotEqual(999, read[2].Ordering);
        Assert.Equal(PayloadOf("a", 2), read[1].Payload);
        Assert.Equal("Keeper.Test.Event", read[1].Manifest);
        Assert.Equal(["t1", "t2"], read[2].Tags);
        Assert.Empty(read[1].Tags);
        Assert.Equal(3, await journal.HighestSequenceNrAsync("a", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_SuccessiveBatches_ContinueTheSequence()
    {
        var journal = await OpenAsync();

        await WriteAsync(journal, Entry("a", 1));
        Clock.Advance(TimeSpan.FromSeconds(12));
        await WriteAsync(journal, Entry("a", 2), Entry("a", 3));

        var read = await ReadAllOfAsync(journal, "a");
        Assert.Equal([1L, 2L, 3L], SequenceNrs(read));
        Assert.Equal(read[0].Created + TimeSpan.FromSeconds(12), read[2].Created);
    }

    [Fact]
    public async Task WriteAsync_EmptyBatch_WritesNothing()
    {
        var journal = await OpenAsync();

        var stored = await journal.WriteAsync([], CancellationToken.None);

        Assert.Empty(stored);
        Assert.Empty(await journal.ReadAllAsync(0, int.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_PayloadsOfAnySize_RoundTripExactly()
    {
        var journal = await OpenAsync();
        var large = new byte[1 << 20];
        new Random(1234).NextBytes(large);

        await WriteAsync(journal, new JournalEntry("a", 1, "Empty", []), new JournalEntry("a", 2, "Large", large), new JournalEntry("a", 3, "Zero", [0]));

        var read = await ReadAllOfAsync(journal, "a");
        Assert.Empty(read[0].Payload);
        Assert.Equal(large, read[1].Payload);
        Assert.Equal([(byte)0], read[2].Payload);
    }

    [Theory]
    [InlineData(2L)]
    [InlineData(0L)]
    [InlineData(-1L)]
    public async Task WriteAsync_FirstEntryNotSequenceNrOne_IsRejected(long first)
    {
        var journal = await OpenAsync();

        if (first < 1)
        {
            await Assert.ThrowsAnyAsync<ArgumentException>(() => WriteAsync(journal, Entry("a", first)));
        }
        else
        {
            var e = await Assert.ThrowsAsync<JournalConcurrencyException>(() => WriteAsync(journal, Entry("a", first)));
            Assert.Equal(("a", 1L, first), (e.PersistenceId, e.ExpectedSequenceNr, e.ActualSequenceNr));
        }

        Assert.Equal(0, await journal.HighestSequenceNrAsync("a", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_GapInOneId_RejectsWholeBatchAcrossIds()
    {
        var journal = await OpenAsync();
        await WriteAsync(journal, Entry("a", 1), Entry("b", 1));

        var e = await Assert.ThrowsAsync<JournalConcurrencyException>(
            () => WriteAsync(journal, Entry("a", 2), Entry("b", 2), Entry("a", 3), Entry("b", 4)));

        Assert.Equal(("b", 3L, 4L), (e.PersistenceId, e.ExpectedSequenceNr, e.ActualSequenceNr));
        Assert.Equal(new long[] { 1L }, SequenceNrs(await ReadAllOfAsync(journal, "a")));
        Assert.Equal(new long[] { 1L }, SequenceNrs(await ReadAllOfAsync(journal, "b")));
        Assert.Equal(2, (await journal.ReadAllAsync(0, int.MaxValue, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task WriteAsync_SequenceNrAlreadyStored_RejectsWholeBatch()
    {
        var journal = await OpenAsync();
        await WriteAsync(journal, Entry("a", 1), Entry("a", 2), Entry("a", 3));

        var e = await Assert.ThrowsAsync<JournalConcurrencyException>(() => WriteAsync(journal, Entry("c", 1), Entry("a", 3), Entry("a", 4)));

        Assert.Equal(("a", 4L, 3L), (e.PersistenceId, e.ExpectedSequenceNr, e.ActualSequenceNr));
        Assert.Equal(new long[] { 1L, 2L, 3L }, SequenceNrs(await ReadAllOfAsync(journal, "a")));
        Assert.Empty(await ReadAllOfAsync(journal, "c"));
        Assert.Equal(0, await journal.HighestSequenceNrAsync("c", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_DuplicateWithinBatch_IsRejected()
    {
        var journal = await OpenAsync();

        var e = await Assert.ThrowsAsync<JournalConcurrencyException>(() => WriteAsync(journal, Entry("a", 1), Entry("a", 1)));

        Assert.Equal(("a", 2L, 1L), (e.PersistenceId, e.ExpectedSequenceNr, e.ActualSequenceNr));
        Assert.Empty(await ReadAllOfAsync(journal, "a"));
    }

    [Fact]
    public async Task WriteAsync_MalformedEntry_ThrowsArgumentExceptionAndWritesNothing()
    {
        var journal = await OpenAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => WriteAsync(journal, Entry("a", 1), Entry("", 1)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => WriteAsync(journal, Entry("a", 1) with { Manifest = "" }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => WriteAsync(journal, Entry("a", 1) with { Payload = null! }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => WriteAsync(journal, Entry("a", 1, "x;y")));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => WriteAsync(journal, Entry("a", 1, "")));
        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => journal.WriteAsync(null!, CancellationToken.None));

        Assert.Empty(await journal.ReadAllAsync(0, int.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_CancelledBeforehand_ThrowsAndWritesNothing()
    {
        var journal = await OpenAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => journal.WriteAsync([Entry("a", 1)], cancelled.Token));

        Assert.Equal(0, await journal.HighestSequenceNrAsync("a", CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersOfOneId_ExactlyOneWins()
    {
        const int Writers = 8;
        var journal = await OpenAsync();
        await WriteAsync(journal, Entry("a", 1));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, Writers).Select(async writer =>
        {
            await start.Task;
            var entry = new JournalEntry("a", 2, "Writer", [(byte)writer]);
            try
            {
                await journal.WriteAsync([entry, Entry("a", 3)], CancellationToken.None);
                return writer;
            }
            catch (JournalConcurrencyException)
            {
                return -1;
            }
        }).ToArray();
        start.SetResult();
        var outcomes = await Task.WhenAll(attempts).WaitAsync(TimeSpan.FromSeconds(30));

        var winners = outcomes.Where(w => w >= 0).ToArray();
        Assert.Single(winners);
        var read = await ReadAllOfAsync(journal, "a");
        Assert.Equal([1L, 2L, 3L], SequenceNrs(read));
        Assert.Equal([(byte)winners[0]], read[1].Payload);
    }

    [Fact]
    public async Task WriteAsync_ManyIdsInterleavedConcurrently_KeepEachSequenceAndIncreasingOrdering()
    {
        var journal = await OpenAsync();
        var random = new Random(1234);
        var ids = Enumerable.Range(0, 6).Select(i => $"pool-{i}").ToArray();

        // Each id has one writer task writing batches of random size; the tasks run at once.
        var writers = ids.Select((id, index) =>
        {
            var batchSizes = Enumerable.Range(0, 10).Select(_ => random.Next(1, 5)).ToArray();
            return Task.Run(async () =>
            {
                var next = 1L;
                foreach (var size in batchSizes)
                {
                    var batch = Enumerable.Range(0, size).Select(k => Entry(id, next + k, $"i{index % 2}")).ToArray();
                    await journal.WriteAsync(batch, CancellationToken.None);
                    next += size;
                }

                return next - 1;
            });
        }).ToArray();
        var highest = await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));

        var all = await journal.ReadAllAsync(0, int.MaxValue, CancellationToken.None);
        Assert.Equal(highest.Sum(), all.Count);
        for (var i = 1; i < all.Count; i++)
        {
            Assert.True(all[i - 1].Ordering < all[i].Ordering, $"ordering must increase: {all[i - 1].Ordering} then {all[i].Ordering}");
        }

        for (var i = 0; i < ids.Length; i++)
        {
            var inOrderingOrder = all.Where(e => e.PersistenceId == ids[i]).ToArray();
            Assert.Equal(Enumerable.Range(1, (int)highest[i]).Select(n => (long)n), SequenceNrs(inOrderingOrder));
            Assert.All(inOrderingOrder, e => Assert.Equal(PayloadOf(e.PersistenceId, e.SequenceNr), e.Payload));
            Assert.Equal(highest[i], await journal.HighestSequenceNrAsync(ids[i], CancellationToken.None));
        }
    }
}
