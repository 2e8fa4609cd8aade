using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Keeper.Actors.Persistence.Postgres;

/// <summary>
/// The claim table (the gate's fence) in the cluster's PostgreSQL database, the one
/// Akka.Persistence.Sql keeps the journal and snapshots in, shared by the keepers of a cluster across hosts: connections,
/// write transactions and schema migrations for <see cref="Gate.Claims.SqlClaimStore"/> and
/// the <see cref="SqlStoreProbe"/>, with the same tables as <see cref="SqliteClaimDatabase"/>.
/// </summary>
/// <remarks>
/// Failures: the server's errors and network failures surface as <see cref="StoreException"/> with
/// <see cref="StoreException.Location"/> <c>host:port/database</c> (never the password). An unreachable server fails
/// within <see cref="PostgresClaimDatabaseOptions.ConnectTimeout"/> with <see cref="StoreErrorKind.Unavailable"/>, and idle
/// pooled connections are dropped then, so the first operation after the server returns opens a fresh connection.
/// </remarks>
public sealed partial class PostgresClaimDatabase : ISqlExecutor, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresClaimDatabaseOptions _options;
    private int _disposed;

    private PostgresClaimDatabase(NpgsqlDataSource dataSource, string location, PostgresClaimDatabaseOptions options)
    {
        _dataSource = dataSource;
        Location = location;
        _options = options;
    }

    /// <summary>The store's server and database as <c>host:port/database</c>, as error messages name it.</summary>
    public string Location { get; }

    /// <summary>
    /// Connects to the database of <paramref name="options"/>' store and creates or migrates the claim
    /// table. Safe when several processes open the same database at once.
    /// </summary>
    /// <exception cref="ArgumentException">The store is not a PostgreSQL database, names no host, or a timeout is out of range.</exception>
    /// <exception cref="StoreException">The server cannot be reached, or the schema cannot be created or is too new.</exception>
    public static async Task<PostgresClaimDatabase> OpenAsync(PostgresClaimDatabaseOptions options, TimeProvider timeProvider, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Store, nameof(options));
        ArgumentNullException.ThrowIfNull(timeProvider);
        var builder = ConnectionString(options);
        var location = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        var store = new PostgresClaimDatabase(NpgsqlDataSource.Create(builder), location, options);
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

    private static NpgsqlConnectionStringBuilder ConnectionString(PostgresClaimDatabaseOptions options)
    {
        if (options.Store.Kind != SqlStoreKind.Postgres)
        {
            throw new ArgumentException($"The claim database on PostgreSQL needs a PostgreSQL store, not the {options.Store}.", nameof(options));
        }

        // SqlStoreLocation.Postgres has parsed it already.
        var builder = new NpgsqlConnectionStringBuilder(options.Store.ConnectionString);
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
}
