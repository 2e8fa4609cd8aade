using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Testing.Persistence;
using Keeper.Testing.Postgres;
using Xunit;

namespace Keeper.Actors.Tests.Persistence.Postgres;

/// <summary>The snapshot store contract on <see cref="PostgresStore"/>, each test on a fresh database of the shared server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSnapshotStoreTests(PostgresFixture fixture) : SnapshotStoreContractTests
{
    private string? _connectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _connectionString = await fixture.Server.CreateUniqueDatabaseAsync("snapshot");
    }

    protected override async Task<ISnapshotStore> OpenSnapshotStoreAsync() =>
        await PostgresStore.OpenAsync(new PostgresStoreOptions(_connectionString!), Clock, logger: null, CancellationToken.None);

    protected override ValueTask CloseSnapshotStoreAsync(ISnapshotStore store) => ((PostgresStore)store).DisposeAsync();
}
