using Keeper.Actors.Gate.Claims;
using Microsoft.Data.Sqlite;

namespace Keeper.Actors.Persistence;

/// <summary>
/// The SQLite claim database's schema as numbered migrations, applied at start-up inside one <c>BEGIN IMMEDIATE</c>
/// transaction so that two processes starting at once take turns and the second finds the work done. Times are UTC
/// ticks (100 ns since 0001-01-01), so they round-trip exactly.
/// </summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> Migrations =
    [
        // Version 1 made the hand-written journal's and snapshot store's tables. Akka.Persistence.Sql keeps both now, in
        // its own tables; stores made before keep theirs, which only SqlLegacyJournal reads (once, to bring a submitter's
        // unfinished history over), and new ones get none.
        (1, "journal, journal_metadata and snapshot tables (retired with the hand-written journal: no longer created)", ""),
        // Version 2 made the hand-written membership tables. Akka.Cluster keeps the membership now; stores made before keep
        // theirs untouched (nothing reads them, and a node of the previous release sharing the store during an upgrade
        // still finds them), and new ones get none.
        (2, "membership and membership_version tables (retired with the hand-written membership: no longer created)", ""),
        (3, "claim table with one claim per (task, window) and one pending claim per task", ClaimSchema.Sqlite),
        (4, "claim reorg fence: a successful mined claim blocks the task until its member stops watching it for a reorg", ClaimSchema.ReorgFence),
        (5, "legacy_journal_import: which submitters' histories were brought over from the retired journal table", SqlLegacyJournal.MarkerSqlite),
        (6, "claim history: sent time, and the mined block, gas used, effective gas price and fee of each claim's transaction", ClaimSchema.History),
    ];

    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Switches the file to WAL (a persistent property of the file) and applies missing migrations.</summary>
    /// <returns>The versions applied by this call; empty when the schema was already current.</returns>
    public static async Task<IReadOnlyList<int>> MigrateAsync(SqliteConnection connection, string path, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnableWalAsync(connection, path, cancellationToken);

        using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER NOT NULL PRIMARY KEY,
                applied     INTEGER NOT NULL,
                description TEXT    NOT NULL
            );
            """, cancellationToken);

        var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
        if (current > LatestVersion)
        {
            throw new StoreException(
                StoreErrorKind.SchemaTooNew,
                path,
                $"The store file {path} has schema version {current}, but this Keeper knows versions up to {LatestVersion}: "
                + "it was written by a newer Keeper. Run that version, or point keeper.store.path at another file.");
        }

        var applied = new List<int>();
        foreach (var (version, description, sql) in Migrations)
        {
            if (version <= current)
            {
                continue;
            }

            if (sql.Length > 0)
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
            }

            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, applied, description) VALUES ($version, $applied, $description)";
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$applied", now.UtcTicks);
            record.Parameters.AddWithValue("$description", description);
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(version);
        }

        transaction.Commit();
        return applied;
    }

    private static async Task EnableWalAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL";
        var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreException(
                StoreErrorKind.CannotOpen,
                path,
                $"The store file {path} cannot use SQLite's write-ahead log (journal mode stayed '{mode}'); the file system may not "
                + "support shared memory (network file systems do not). Put keeper.store.path on a local disk.");
        }
    }

    private static async Task<long> CurrentVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
