using Keeper.Actors.Persistence;
using Xunit;

namespace Keeper.Testing.Persistence;

/// <content>Bounded reads, deletion, global-ordering queries, persistence ids and reopening.</content>
public abstract partial class JournalContractTests
{
    [Theory]
    [InlineData(1L, 10L, 100, new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })]
    [InlineData(3L, 6L, 100, new long[] { 3, 4, 5, 6 })]
    [InlineData(3L, 6L, 2, new long[] { 3, 4 })]
    [InlineData(0L, long.MaxValue, 3, new long[] { 1, 2, 3 })]
    [InlineData(10L, 10L, 1, new long[] { 10 })]
    [InlineData(11L, 20L, 100, new long[0])]
    [InlineData(6L, 3L, 100, new long[0])]
    [InlineData(1L, 10L, 0, new long[0])]
    public async Task ReadAsync_Bounds_ReturnExactlyTheRangeInOrder(long from, long to, int max, long[] expected)
    {
        var journal = await OpenAsync();
        await journal.WriteAsync(Enumerable.Range(1, 10).Select(n => Entry("a", n)).ToArray(), CancellationToken.None);
        await WriteAsync(journal, Entry("b", 1));

        var read = await journal.ReadAsync("a", from, to, max, CancellationToken.None);

        Assert.Equal(expected, SequenceNrs(read));
        Assert.All(read, e => Assert.Equal("a", e.PersistenceId));
    }

    [Fact]
    public async Task ReadAsync_UnknownId_ReturnsEmptyAndHighestIsZero()
    {
        var journal = await OpenAsync();
        await WriteAsync(journal, Entry("a", 1));

        Assert.Empty(await ReadAllOfAsync(journal, "A"));
        Assert.Equal(0, await journal.HighestSequenceNrAsync("A", CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_BadArguments_Throw()
    {
        var journal = await OpenAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => journal.ReadAsync("", 1, 2, 10, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => journal.ReadAsync("a", 1, 2, -1, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => journal.ReadAllAsync(0, -1, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => journal.ReadByTagAsync("", 0, 10, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => journal.HighestSequenceNrAsync("", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteToAsync_SomeEvents_RemovesThemAndKeepsHighestSequenceNr()
    {
        var journal = await OpenAsync();
        await journal.WriteAsync(Enumerable.Range(1, 5).Select(n => Entry("a", n)).ToArray(), CancellationToken.None);
        await WriteAsync(journal, Entry("b", 1));

        await journal.DeleteToAsync("a", 3, CancellationToken.None);

        Assert.Equal(new long[] { 4L, 5L }, SequenceNrs(await ReadAllOfAsync(journal, "a")));
        Assert.Equal(5, await journal.HighestSequenceNrAsync("a", CancellationToken.None));
        Assert.Equal(new long[] { 1L }, SequenceNrs(await ReadAllOfAsync(journal, "b")));
    }

    [Fact]
    public async Task DeleteToAsync_AllEvents_HighestSequenceNrDoesNotGoBackAndWritesContinue()
    {
        var journal = await OpenAsync();
        await journal.WriteAsync(Enumerable.Range(1, 5).Select(n => Entry("a", n)).ToArray(), CancellationToken.None);

        await journal.DeleteToAsync("a", long.MaxValue, CancellationToken.None);
        await journal.DeleteToAsync("a", 2, CancellationToken.None);

        Assert.Empty(await ReadAllOfAsync(journal, "a"));
        Assert.Equal(5, await journal.HighestSequenceNrAsync("a", CancellationToken.None));
        var e = await Assert.ThrowsAsync<JournalConcurrencyException>(() => WriteAsync(journal, Entry("a", 1)));
        Assert.Equal(6, e.ExpectedSequenceNr);
        await WriteAsync(journal, Entry("a", 6));
        Assert.Equal(new long[] { 6L }, SequenceNrs(await ReadAllOfAsync(journal, "a")));

        await journal.DeleteToAsync("a", 6, CancellationToken.None);
        Assert.Equal(6, await journal.HighestSequenceNrAsync("a", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteToAsync_HighestSurvivesReopen()
    {
        var journal = await OpenAsync();
        await WriteAsync(journal, Entry("a", 1), Entry("a", 2));
        await journal.DeleteToAsync("a", 2, CancellationToken.None);
        await CloseAsync(journal);

        var reopened = await OpenAsync();

        Assert.Equal(2, await reopened.HighestSequenceNrAsync("a", CancellationToken.None));
        Assert.Equal(["a"], await reopened.PersistenceIdsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeleteToAsync_UnknownId_ChangesNothing()
    {
        var journal = await OpenAsync();

        await journal.DeleteToAsync("ghost", 10, CancellationToken.None);

        Assert.Equal(0, await journal.HighestSequenceNrAsync("ghost", CancellationToken.None));
        Assert.Empty(await journal.PersistenceIdsAsync(CancellationToken.None));
        await WriteAsync(journal, Entry("ghost", 1));
    }

    [Fact]
    public async Task ReadAllAsync_FromOrderingAndMax_PagesThroughEverythingOnce()
    {
        var journal = await OpenAsync();
        await WriteAsync(journal, Entry("a", 1), Entry("b", 1), Entry("a", 2));
        await WriteAsync(journal, Entry("c", 1), Entry("b", 2));
        var everything = await journal.ReadAllAsync(0, int.MaxValue, CancellationToken.None);

        var paged = new List<JournalEntry>();
        var from = 0L;
        while (true)
        {
            var page = await journal.ReadAllAsync(from, 2, CancellationToken.None);
            Assert.True(page.Count <= 2);
            if (page.Count == 0)
            {
                break;
            }

            paged.AddRange(page);
            from = page[^1].Ordering + 1;
        }

        Assert.Equal(
            [("a", 1L), ("b", 1L), ("a", 2L), ("c", 1L), ("b", 2L)],
            everything.Select(e => (e.PersistenceId, e.SequenceNr)));
        Assert.Equal(everything, paged);
        Assert.Equal(everything.Skip(3), await journal.ReadAllAsync(everything[3].Ordering, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAllAsync_DeletedEvents_AreSkipped()
    {
        var journal = await OpenAsync();
        await WriteAsync(journal, Entry("a", 1), Entry("b", 1), Entry("a", 2));

        await journal.DeleteToAsync("a", 1, CancellationToken.None);

        var all = await journal.ReadAllAsync(0, int.MaxValue, CancellationToken.None);
        Assert.Equal([("b", 1L), ("a", 2L)], all.Select(e => (e.PersistenceId, e.SequenceNr)));
    }

    [Fact]
    public async Task ReadByTagAsync_MatchesWholeTagsOnlyFromOrdering()
    {
        var journal = await OpenAsync();
        await WriteAsync(journal, Entry("a", 1, "claim"), Entry("a", 2, "claims"), Entry("b", 1, "x", "claim"), Entry("b", 2, "aclaim"), Entry("c", 1));

        var tagged = await journal.ReadByTagAsync("claim", 0, int.MaxValue, CancellationToken.None);
        var later = await journal.ReadByTagAsync("claim", tagged[0].Ordering + 1, int.MaxValue, CancellationToken.None);
        var limited = await journal.ReadByTagAsync("claim", 0, 1, CancellationToken.None);

        Assert.Equal([("a", 1L), ("b", 1L)], tagged.Select(e => (e.PersistenceId, e.SequenceNr)));
        Assert.Equal([("b", 1L)], later.Select(e => (e.PersistenceId, e.SequenceNr)));
        Assert.Equal([("a", 1L)], limited.Select(e => (e.PersistenceId, e.SequenceNr)));
        Assert.Empty(await journal.ReadByTagAsync("cla", 0, int.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task PersistenceIdsAsync_ListsEveryWrittenIdOnceInOrdinalOrder()
    {
        var journal = await OpenAsync();
        await WriteAsync(journal, Entry("b", 1), Entry("a", 1), Entry("b", 2), Entry("B", 1), Entry("gone", 1));
        await journal.DeleteToAsync("gone", 1, CancellationToken.None);

        var ids = await journal.PersistenceIdsAsync(CancellationToken.None);

        Assert.Equal(["B", "a", "b", "gone"], ids);
    }

    [Fact]
    public async Task Reopen_AfterClose_EverythingWrittenIsThere()
    {
        var journal = await OpenAsync();
        var stored = await journal.WriteAsync([Entry("a", 1, "t"), Entry("a", 2), Entry("b", 1)], CancellationToken.None);
        await CloseAsync(journal);

        var reopened = await OpenAsync();

        Assert.Equal(stored, await reopened.ReadAllAsync(0, int.MaxValue, CancellationToken.None));
        Assert.Equal(2, await reopened.HighestSequenceNrAsync("a", CancellationToken.None));
        await WriteAsync(reopened, Entry("a", 3));
        var all = await reopened.ReadAllAsync(0, int.MaxValue, CancellationToken.None);
        Assert.True(all[^1].Ordering > stored[^1].Ordering, "ordering must keep increasing after a reopen");
    }

    [Fact]
    public async Task TwoInstancesOpenedAtOnce_ShareStorageAndDetectEachOthersWrites()
    {
        var opened = await Task.WhenAll(OpenAsync(), OpenAsync()).WaitAsync(TimeSpan.FromSeconds(30));
        var (first, second) = (opened[0], opened[1]);

        await WriteAsync(first, Entry("a", 1));
        await WriteAsync(second, Entry("a", 2));
        var e = await Assert.ThrowsAsync<JournalConcurrencyException>(() => WriteAsync(first, Entry("a", 2)));

        Assert.Equal(3, e.ExpectedSequenceNr);
        Assert.Equal(new long[] { 1L, 2L }, SequenceNrs(await ReadAllOfAsync(first, "a")));
        Assert.Equal(await first.ReadAllAsync(0, 10, CancellationToken.None), await second.ReadAllAsync(0, 10, CancellationToken.None));
    }
}
