using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Keeper.Actors.Persistence.Postgres;

/// <summary>
/// The cluster store: journal, snapshots, membership and gate claims in one PostgreSQL database shared by the keepers
/// of a cluster across hosts. It passes the same contract tests as <see cref="SqliteStore"/>.
/// </summary>
/// <remarks>
/// <para>
/// Journal ordering is gap-safe for readers: every journal write (and delete) runs in a transaction that first takes
/// a transaction-scoped advisory lock, so writes are serialized and commit in the order they took their orderings.
/// Without it, two writers could take orderings 7 and 8 from the identity sequence and commit 8 first; a projection
/// paging by ordering would read 8, continue from 9 and never see 7. The same lock makes the continuity check (highest
/// stored sequence number + 1) race-free across processes, as SQLite's write lock does. Reads take no lock.
/// </para>
/// <para>
/// Failures: the server's errors and network failures surface as <see cref="StoreException"/> with
/// <see cref="StoreException.Location"/> <c>host:port/database</c> (never the password). An unreachable server fails
/// within <see cref="PostgresStoreOptions.ConnectTimeout"/> with <see cref="StoreErrorKind.Unavailable"/>, and idle
/// pooled connections are dropped then, so the first operation after the server returns opens a fresh connection.
/// </para>
/// </remarks>
public sealed partial class PostgresStore : IJournal, ISnapshotStore, ISqlExecutor, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStoreOptions _options;
    private readonly TimeProvider _time;
    private int _disposed;

    private PostgresStore(NpgsqlDataSource dataSource, string location, PostgresStoreOptions options, TimeProvider timeProvider)
    {
        _dataSource = dataSource;
        Location = location;
        _options = options;
        _time = timeProvider;
    }

    /// <summary>The store's server and database as <c>host:port/database</c>, as error messages name it.</summary>
    public string Location { get; }

    /// <summary>
    /// Connects to the database in <paramref name="options"/> and creates or migrates the schema. Safe when several
    /// processes open the same database at once.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is malformed or a timeout is out of range.</exception>
    /// <exception cref="StoreException">The server cannot be reached, or the schema cannot be created or is too new.</exception>
    public static async Task<PostgresStore> OpenAsync(PostgresStoreOptions options, TimeProvider timeProvider, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var builder = ParseConnectionString(options);
        var location = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        var store = new PostgresStore(NpgsqlDataSource.Create(builder), location, options, timeProvider);
        try
        {
            var applied = await store.ExecuteAsync(
                (connection, ct) => PostgresSchema.MigrateAsync(connection, location, timeProvider.GetUtcNow(), ct),
                cancellationToken);
            LogOpened(logger ?? NullLogger.Instance, location, PostgresSchema.LatestVersion, applied.Count);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the store's pooled connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _dataSource.DisposeAsync();
    }

    /// <inheritdoc />
    Task<T> ISqlExecutor.ExecuteReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken) =>
        ExecuteAsync((connection, ct) => body(connection, ct), cancellationToken);

    /// <inheritdoc />
    Task<T> ISqlExecutor.ExecuteWriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> body, CancellationToken cancellationToken) =>
        ExecuteTransactionAsync((connection, transaction, ct) => body(connection, transaction, ct), cancellationToken);

    private static NpgsqlConnectionStringBuilder ParseConnectionString(PostgresStoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("The PostgreSQL connection string is empty; set keeper.store.connection-string.", nameof(options));
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException)
        {
            // The message of Npgsql's exception can quote the string, password included; name the problem only.
            throw new ArgumentException(
                "The PostgreSQL connection string is malformed: use key=value pairs separated by ';' (Host, Port, Database, Username, Password).",
                nameof(options),
                innerException: null);
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new ArgumentException("The PostgreSQL connection string names no Host.", nameof(options));
        }

        builder.Timeout = WholeSeconds(options.ConnectTimeout, nameof(options.ConnectTimeout));
        builder.CommandTimeout = WholeSeconds(options.CommandTimeout, nameof(options.CommandTimeout));
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "keeper";
        }

        return builder;
    }

    private static int WholeSeconds(TimeSpan timeout, string name)
    {
        // Npgsql takes whole seconds and reads 0 as "wait forever", which is exactly the hang these options exist to prevent.
        if (timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromSeconds(1024))
        {
            throw new ArgumentOutOfRangeException(name, timeout, $"{name} must be between 1 and 1024 seconds.");
        }

        return (int)Math.Ceiling(timeout.TotalSeconds);
    }

    /// <summary>Runs <paramref name="body"/> on a pooled connection outside an explicit transaction.</summary>
    private async Task<T> ExecuteAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await body(connection, cancellationToken);
        }
        catch (Exception e) when (PostgresErrors.IsStoreError(e) && !cancellationToken.IsCancellationRequested)
        {
            throw Fail(e);
        }
    }

    /// <summary>Runs <paramref name="body"/> in a read-committed transaction and commits it; any exception rolls it back.</summary>
    private async Task<T> ExecuteTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await body(connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception e) when (PostgresErrors.IsStoreError(e) && !cancellationToken.IsCancellationRequested)
        {
            throw Fail(e);
        }
    }

    private StoreException Fail(Exception exception)
    {
        var translated = PostgresErrors.Translate(exception, Location, _options);
        if (translated.Kind == StoreErrorKind.Unavailable)
        {
            // Idle pooled connections to a server that went away are dead too; drop them so each does not fail once more
            // after the server is back.
            _dataSource.Clear();
        }

        return translated;
    }

    private static DateTimeOffset FromTicks(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
