using Keeper.Actors.Cluster;
using Keeper.Actors.Persistence.Postgres;

namespace Keeper.Actors.Persistence;

/// <summary>
/// Asks the claim database a trivial query (<c>SELECT 1</c>) on one of its connections: cheap enough to run every couple of
/// seconds, and it fails exactly when a claim could not be taken.
/// </summary>
public sealed class SqlStoreProbe : IStoreProbe
{
    private readonly ISqlExecutor _store;

    /// <summary>Probes <paramref name="store"/>.</summary>
    public SqlStoreProbe(SqliteClaimDatabase store)
        : this((ISqlExecutor)store)
    {
    }

    /// <summary>Probes <paramref name="store"/>.</summary>
    public SqlStoreProbe(PostgresClaimDatabase store)
        : this((ISqlExecutor)store)
    {
    }

    private SqlStoreProbe(ISqlExecutor store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc />
    public Task CheckAsync(CancellationToken cancellationToken) =>
        _store.ExecuteReadAsync(async (connection, ct) => await SqlCommands.QueryAsync(connection, null, "SELECT 1", reader => reader.IsDBNull(0), ct), cancellationToken);
}
