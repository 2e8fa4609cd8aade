using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Testing.Persistence;
using Keeper.Testing.Postgres;
using Xunit;

namespace Keeper.Actors.Tests.Persistence.Postgres;

/// <summary>The journal contract on <see cref="PostgresStore"/>, each test on a fresh database of the shared server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJournalTests(PostgresFixture fixture) : JournalContractTests
{
    private string? _connectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _connectionString = await fixture.Server.CreateUniqueDatabaseAsync("journal");
    }

    protected override async Task<IJournal> OpenJournalAsync() =>
        await PostgresStore.OpenAsync(new PostgresStoreOptions(_connectionString!), Clock, logger: null, CancellationToken.None);

    protected override ValueTask CloseJournalAsync(IJournal journal) => ((PostgresStore)journal).DisposeAsync();
}
