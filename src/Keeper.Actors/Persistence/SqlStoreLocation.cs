using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Keeper.Actors.Persistence;

/// <summary>
/// Where Keeper's store lives: a SQLite file or a PostgreSQL database (<c>keeper.store</c>), with the connection string
/// Akka.Persistence.Sql and <see cref="StoreBinding"/> use. <see cref="ToString"/> describes it without the password.
/// </summary>
public sealed class SqlStoreLocation
{
    /// <summary>
    /// How long a SQLite command waits for the write lock another connection or process holds (Microsoft.Data.Sqlite
    /// retries a busy file until then). Below the journal's circuit-breaker call timeout
    /// (<see cref="SqlPersistenceConfig"/>), so a stuck lock fails with SQLite's own "database is locked", which names
    /// the cause, rather than with a bare timeout.
    /// </summary>
    public static readonly TimeSpan SqliteBusyTimeout = TimeSpan.FromSeconds(20);

    private SqlStoreLocation(SqlStoreKind kind, string connectionString, string description, string? sqlitePath)
    {
        Kind = kind;
        ConnectionString = connectionString;
        Description = description;
        SqlitePath = sqlitePath;
    }

    /// <summary>SQLite or PostgreSQL.</summary>
    public SqlStoreKind Kind { get; }

    /// <summary>The ADO.NET connection string. It may hold a password: never log it (log <see cref="Description"/>).</summary>
    public string ConnectionString { get; }

    /// <summary>The linq2db provider name Akka.Persistence.Sql needs: <c>SQLite.MS</c> or <c>PostgreSQL.15</c>.</summary>
    public string ProviderName => Kind == SqlStoreKind.Sqlite ? "SQLite.MS" : "PostgreSQL.15";

    /// <summary>"SQLite file /full/path" or "PostgreSQL database db on host:port (user u)": no password.</summary>
    public string Description { get; }

    /// <summary>The full path of the SQLite file; null for PostgreSQL.</summary>
    public string? SqlitePath { get; }

    /// <summary>A SQLite file (created if missing; call <see cref="SqlPersistenceConfig.PrepareSqliteAsync"/> first).</summary>
    /// <param name="path">The file's path, absolute or relative to the current directory.</param>
    /// <exception cref="ArgumentException">The path is empty or not a valid path.</exception>
    public static SqlStoreLocation Sqlite(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("keeper.store.path is empty: set it to the SQLite file of this node's store.", nameof(path));
        }

        var fullPath = Path.GetFullPath(path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)SqliteBusyTimeout.TotalSeconds,
        }.ToString();
        return new SqlStoreLocation(SqlStoreKind.Sqlite, connectionString, $"SQLite file {fullPath}", fullPath);
    }

    /// <summary>A PostgreSQL database.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Database=...;Username=...;Password=...</c>).</param>
    /// <exception cref="ArgumentException">The connection string is empty or not one Npgsql accepts.</exception>
    public static SqlStoreLocation Postgres(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("keeper.store.connection-string is empty: set it to the PostgreSQL database of this node's store.", nameof(connectionString));
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // Npgsql's message names the offending keyword, never a value, so it cannot leak the password.
            throw new ArgumentException($"keeper.store.connection-string is not a PostgreSQL connection string Npgsql accepts: {e.Message}", nameof(connectionString), e);
        }

        var database = builder.Database ?? builder.Username ?? "(the user's default)";
        var description = $"PostgreSQL database {database} on {builder.Host}:{builder.Port} (user {builder.Username ?? "(default)"})";
        return new SqlStoreLocation(SqlStoreKind.Postgres, connectionString, description, sqlitePath: null);
    }

    /// <summary>The description, without the password.</summary>
    public override string ToString() => Description;

    /// <summary>A new, closed connection to the store.</summary>
    internal DbConnection CreateConnection() => Kind == SqlStoreKind.Sqlite
        ? new SqliteConnection(ConnectionString)
        : new NpgsqlConnection(ConnectionString);
}
