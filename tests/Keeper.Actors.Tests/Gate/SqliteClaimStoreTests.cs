using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Actors.Tests.Persistence;
using Keeper.Testing.Gate;
using Microsoft.Data.Sqlite;

namespace Keeper.Actors.Tests.Gate;

/// <summary>The claim store contract on <see cref="SqlClaimStore"/> over <see cref="SqliteClaimDatabase"/>, each test on a fresh file.</summary>
public sealed class SqliteClaimStoreTests : ClaimStoreContractTests
{
    private readonly TempStoreFolder _folder = new();
    private readonly Dictionary<IClaimStore, SqliteClaimDatabase> _stores = [];

    protected override async Task<IClaimStore> OpenClaimStoreAsync()
    {
        var store = await SqliteClaimDatabase.OpenAsync(new SqliteClaimDatabaseOptions(SqlStoreLocation.Sqlite(_folder.StorePath)), TimeProvider.System, logger: null, CancellationToken.None);
        var claims = new SqlClaimStore(store);
        lock (_stores)
        {
            _stores.Add(claims, store);
        }

        return claims;
    }

    protected override async ValueTask CloseClaimStoreAsync(IClaimStore store)
    {
        SqliteClaimDatabase owner;
        lock (_stores)
        {
            owner = _stores[store];
            _stores.Remove(store);
        }

        await owner.DisposeAsync();
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_folder.StorePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}
