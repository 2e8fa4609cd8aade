namespace Keeper.Actors.Persistence;

/// <summary>Which SQLite file the claim database lives in and how long it waits for other processes.</summary>
/// <param name="Store">
/// The node's store (<see cref="SqlStoreLocation.Sqlite"/>): the same file as Akka.Persistence.Sql's journal and snapshots.
/// Its folder is created if missing. SQLite also creates <c>-wal</c> and <c>-shm</c> files next to it, so the folder must
/// be writable.
/// </param>
public sealed record SqliteClaimDatabaseOptions(SqlStoreLocation Store)
{
    /// <summary>The default <see cref="BusyTimeout"/>.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an operation waits for a lock another process (or connection) holds before failing with
    /// <see cref="StoreErrorKind.Locked"/>. Writers of several processes take turns within this time. Shorter than the
    /// journal's wait (<see cref="SqlStoreLocation.SqliteBusyTimeout"/>): a gate that cannot claim soon treats the store
    /// as unreachable and submits nothing, which is better than acting late.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = DefaultBusyTimeout;
}
