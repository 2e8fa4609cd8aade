using Keeper.Actors.Persistence;

namespace Keeper.Actors.Tests.Persistence.Sql;

/// <summary>The store binding on a SQLite file prepared as the host prepares it.</summary>
public sealed class SqliteStoreBindingTests : StoreBindingContractTests, IDisposable
{
    private readonly SqlTempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    protected override Task<SqlStoreLocation> CreateStoreAsync() => SqlPersistenceConfig.PrepareSqliteAsync(_folder.StorePath, CancellationToken.None);
}
