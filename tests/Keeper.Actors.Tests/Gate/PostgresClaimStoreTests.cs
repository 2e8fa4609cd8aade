using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Testing.Gate;
using Keeper.Testing.Postgres;
using Npgsql;
using Xunit;

namespace Keeper.Actors.Tests.Gate;

/// <summary>
/// The claim store contract on <see cref="SqlClaimStore"/> over <see cref="PostgresClaimDatabase"/>, each test on a fresh
/// database of the shared server; every open is a separate store with its own data source (connection pool), so the
/// concurrent claims race through separate connections as separate processes would.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClaimStoreTests(PostgresFixture fixture) : ClaimStoreContractTests
{
    private readonly Dictionary<IClaimStore, PostgresClaimDatabase> _stores = [];
    private string? _connectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _connectionString = await fixture.Server.CreateUniqueDatabaseAsync("claims");
    }

    protected override async Task<IClaimStore> OpenClaimStoreAsync()
    {
        var store = await PostgresClaimDatabase.OpenAsync(new PostgresClaimDatabaseOptions(SqlStoreLocation.Postgres(_connectionString!)), TimeProvider.System, logger: null, CancellationToken.None);
        var claims = new SqlClaimStore(store);
        lock (_stores)
        {
            _stores.Add(claims, store);
        }

        return claims;
    }

    protected override async ValueTask CloseClaimStoreAsync(IClaimStore store)
    {
        PostgresClaimDatabase owner;
        lock (_stores)
        {
            owner = _stores[store];
            _stores.Remove(store);
        }

        await owner.DisposeAsync();
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
