namespace Keeper.Actors.Persistence;

/// <summary>Where the SQLite store lives and how long it waits for other processes.</summary>
/// <param name="Path">
/// The database file, e.g. <c>/var/lib/keeper/keeper.db</c>. Its folder is created if missing. SQLite also creates
/// <c>-wal</c> and <c>-shm</c> files next to it, so the folder must be writable.
/// </param>
public sealed record SqliteStoreOptions(string Path)
{
    /// <summary>The default <see cref="BusyTimeout"/>.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an operation waits for a lock another process (or connection) holds before failing with
    /// <see cref="StoreErrorKind.Locked"/>. Writers of several processes take turns within this time.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = DefaultBusyTimeout;
}
