using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keeper.Actors.Persistence;

/// <summary>
/// The claim table (the gate's fence) in the node's SQLite file, the one Akka.Persistence.Sql
/// keeps the journal and snapshots in, shared by every Keeper process on the host: connections, write transactions and
/// schema migrations for <see cref="Gate.Claims.SqlClaimStore"/> and the <see cref="SqlStoreProbe"/>.
/// </summary>
/// <remarks>
/// <para>
/// Durability: the file is in WAL mode with <c>synchronous=FULL</c>, so every commit is fsynced to the write-ahead log
/// before a write returns; an acknowledged write survives kill -9 and power loss. (<c>NORMAL</c> would survive kill -9
/// only; losing one acknowledged claim after a power cut could let another member send a duplicate transaction, so the
/// extra fsync per commit is worth it.)
/// </para>
/// <para>
/// Connections: each operation opens a connection from Microsoft.Data.Sqlite's pool and returns it when done, so
/// concurrent readers in one process run in parallel (WAL lets readers proceed while one writer writes). Writes of
/// this instance queue on an async gate, then take SQLite's write lock with <c>BEGIN IMMEDIATE</c>: taking the lock
/// up front means two processes never both hold a read lock and then deadlock upgrading it. Across processes and
/// instances, a writer waits up to <see cref="SqliteClaimDatabaseOptions.BusyTimeout"/> (SQLite's <c>busy_timeout</c>) for
/// the lock, then fails with <see cref="StoreErrorKind.Locked"/>.
/// </para>
/// <para>The file must be on a local disk: WAL relies on shared memory, which network file systems do not provide.</para>
/// </remarks>
public sealed partial class SqliteClaimDatabase : ISqlExecutor, IAsyncDisposable, IDisposable
{
    private static readonly Lazy<bool> NativeLibrary = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private readonly TimeSpan _busyTimeout;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _disposed;

    private SqliteClaimDatabase(SqlStoreLocation store, string path, TimeSpan busyTimeout)
    {
        Path = path;
        _busyTimeout = busyTimeout;
        // The location's settings (file, mode, cache, pooling), but SQLite's busy_timeout below does the waiting:
        // Microsoft.Data.Sqlite's own retry loop (whole seconds, 0 = forever) is kept to its minimum so a locked file
        // fails after about BusyTimeout, not twice that.
        _connectionString = new SqliteConnectionStringBuilder(store.ConnectionString) { DefaultTimeout = 1 }.ToString();
        _connectionPragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    string ISqlExecutor.Location => Path;

    /// <summary>
    /// Opens (creating if needed) the SQLite file of <paramref name="options"/>' store, switches it to WAL and creates or
    /// migrates the claim table. Safe when several processes open the same file at once.
    /// </summary>
    /// <exception cref="ArgumentException">The store is not a SQLite file, or the busy timeout is out of range.</exception>
    /// <exception cref="StoreException">The file cannot be created, opened or migrated; the message says why and what to do.</exception>
    public static async Task<SqliteClaimDatabase> OpenAsync(SqliteClaimDatabaseOptions options, TimeProvider timeProvider, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Store, nameof(options));
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (options.Store.SqlitePath is not { } path)
        {
            throw new ArgumentException($"The claim database on SQLite needs a SQLite store, not the {options.Store}.", nameof(options));
        }

        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BusyTimeout, "The busy timeout must be positive and at most about 24 days.");
        }

        _ = NativeLibrary.Value;
        CreateFolder(path);

        var store = new SqliteClaimDatabase(options.Store, path, options.BusyTimeout);
        try
        {
            var applied = await store.ExecuteAsync(
                (connection, ct) => SqliteSchema.MigrateAsync(connection, path, timeProvider.GetUtcNow(), ct),
                cancellationToken);
            LogOpened(logger ?? NullLogger.Instance, path, SqliteSchema.LatestVersion, applied.Count);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the store's pooled connections so the file is released.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
    }

    /// <summary>Closes the store's pooled connections so the file is released.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void CreateFolder(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw SqliteErrors.CannotCreateFolder(path, folder, e);
        }
    }

    /// <inheritdoc />
    Task<T> ISqlExecutor.ExecuteReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken) =>
        ExecuteAsync((connection, ct) => body(connection, ct), cancellationToken);

    /// <inheritdoc />
    Task<T> ISqlExecutor.ExecuteWriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> body, CancellationToken cancellationToken) =>
        ExecuteWriteAsync((connection, transaction, ct) => body(connection, transaction, ct), cancellationToken);

    /// <summary>Runs <paramref name="body"/> on a pooled connection, outside any transaction (reads, migrations).</summary>
    private async Task<T> ExecuteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            return await body(connection, cancellationToken);
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Translate(e, Path, _busyTimeout);
        }
    }

    /// <summary>Runs <paramref name="body"/> in a <c>BEGIN IMMEDIATE</c> transaction and commits it; any exception rolls it back.</summary>
    private async Task<T> ExecuteWriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = await body(connection, transaction, cancellationToken);
            transaction.Commit();
            return result;
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Translate(e, Path, _busyTimeout);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = _connectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
