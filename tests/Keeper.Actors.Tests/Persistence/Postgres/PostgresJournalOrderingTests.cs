using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Testing.Postgres;
using Xunit;

namespace Keeper.Actors.Tests.Persistence.Postgres;

/// <summary>
/// The journal's ordering is gap-safe for readers on PostgreSQL: a projection paging by ordering while several store
/// instances (separate connection pools, as separate processes) write at once sees every event exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalOrderingTests(PostgresFixture fixture)
{
    [Fact]
    public async Task ReadAllAsync_PagingWhileWritersCommitConcurrently_NeverSkipsAnEvent()
    {
        const int Writers = 6;
        const int Batches = 25;
        const int BatchSize = 3;
        var connectionString = await fixture.Server.CreateUniqueDatabaseAsync("ordering");
        var stores = new List<PostgresStore>();
        try
        {
            for (var i = 0; i <= Writers; i++)
            {
                stores.Add(await PostgresStore.OpenAsync(new PostgresStoreOptions(connectionString), TimeProvider.System, logger: null, CancellationToken.None));
            }

            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var b = 0; b < Batches; b++)
                {
                    var batch = Enumerable.Range(1, BatchSize).Select(k => new JournalEntry($"w{w}", (b * BatchSize) + k, "M", [(byte)w])).ToArray();
                    await stores[w].WriteAsync(batch, CancellationToken.None);
                }
            })).ToArray();
            var allWritten = Task.WhenAll(writers);

            // The projection: page from the last ordering seen + 1 until the writers are done, then once more.
            var reader = stores[Writers];
            var seen = new List<JournalEntry>();
            var from = 0L;
            var done = false;
            while (!done)
            {
                done = allWritten.IsCompleted;
                var page = await reader.ReadAllAsync(from, 50, CancellationToken.None);
                seen.AddRange(page);
                if (page.Count > 0)
                {
                    from = page[^1].Ordering + 1;
                    done = false;
                }
            }

            await allWritten.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(Writers * Batches * BatchSize, seen.Count);
            Assert.Equal(seen.Count, seen.Select(e => (e.PersistenceId, e.SequenceNr)).Distinct().Count());
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }
}
