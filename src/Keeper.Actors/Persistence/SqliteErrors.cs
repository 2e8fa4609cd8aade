using Microsoft.Data.Sqlite;

namespace Keeper.Actors.Persistence;

/// <summary>Turns SQLite and file-system errors into <see cref="StoreException"/>s that say what to do.</summary>
internal static class SqliteErrors
{
    // Primary result codes, https://www.sqlite.org/rescode.html
    public const int Busy = 5;
    public const int Locked = 6;
    public const int ReadOnly = 8;
    public const int IoErr = 10;
    public const int Corrupt = 11;
    public const int Full = 13;
    public const int CantOpen = 14;
    public const int Constraint = 19;
    public const int NotADb = 26;

    private const string PathHint = "set keeper.store.path to a writable folder";

    public static int PrimaryCode(SqliteException exception) => exception.SqliteErrorCode & 0xFF;

    public static StoreException Translate(SqliteException exception, string path, TimeSpan busyTimeout)
    {
        var detail = exception.Message;
        return PrimaryCode(exception) switch
        {
            Busy or Locked => new StoreException(
                StoreErrorKind.Locked,
                path,
                $"The store file {path} is locked by another process for more than {busyTimeout.TotalSeconds:0.###} s. Another Keeper "
                + "or a tool (sqlite3, a backup) holds a long write lock: stop it, or raise the store's busy timeout.",
                exception),
            ReadOnly => new StoreException(
                StoreErrorKind.ReadOnly,
                path,
                $"The store file {path} cannot be written: it or its folder is read-only (SQLite also creates {path}-wal and {path}-shm "
                + $"next to it). Make both writable by the user running Keeper, or {PathHint}. SQLite: {detail}",
                exception),
            CantOpen => new StoreException(
                StoreErrorKind.CannotOpen,
                path,
                $"Cannot open the store file {path}: the folder is missing or not writable, or the path is a folder. "
                + $"Check permissions, or {PathHint}. SQLite: {detail}",
                exception),
            Corrupt or NotADb => new StoreException(
                StoreErrorKind.Corrupt,
                path,
                $"The store file {path} is corrupt or is not a SQLite database. Stop Keeper, move the file (and any {path}-wal, "
                + $"{path}-shm) aside, and restore a backup or let Keeper create a new store. SQLite: {detail}",
                exception),
            Full => new StoreException(
                StoreErrorKind.DiskFull,
                path,
                $"The disk holding the store file {path} is full; nothing of the failed operation was stored. Free space and restart. SQLite: {detail}",
                exception),
            _ => new StoreException(
                StoreErrorKind.Io,
                path,
                $"The store file {path} could not be read or written (SQLite error {exception.SqliteErrorCode}): {detail}. "
                + "Check the disk and file system.",
                exception),
        };
    }

    public static StoreException CannotCreateFolder(string path, string folder, Exception exception)
    {
        var reason = exception is UnauthorizedAccessException ? "permission denied" : exception.Message;
        return new StoreException(
            StoreErrorKind.CannotOpen,
            path,
            $"Cannot create the store folder {folder} for {path}: {reason}. {char.ToUpperInvariant(PathHint[0])}{PathHint[1..]}.",
            exception);
    }
}
