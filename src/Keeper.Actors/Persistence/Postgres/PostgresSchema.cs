using Keeper.Actors.Gate.Claims;
using Npgsql;

namespace Keeper.Actors.Persistence.Postgres;

/// <summary>
/// The PostgreSQL claim database's schema as numbered migrations, the same numbers and tables as the SQLite one's. They are
/// applied at start-up in one transaction holding the migration advisory lock, so several processes starting at once
/// take turns and the later ones find the work done; DDL is transactional, so a failed migration leaves nothing behind.
/// </summary>
/// <remarks>
/// Text columns that are keys use the "C" collation, so ordering and equality are by code point whatever the database's
/// default locale, matching SQLite's BINARY collation. Times are UTC ticks (100 ns since 0001-01-01) as in the SQLite
/// database, so they round-trip exactly (timestamptz keeps only microseconds).
/// </remarks>
internal static class PostgresSchema
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
        (3, "claim table with one claim per (task, window) and one pending claim per task", ClaimSchema.Postgres),
        (4, "claim reorg fence: a successful mined claim blocks the task until its member stops watching it for a reorg", ClaimSchema.ReorgFence),
        (5, "legacy_journal_import: which submitters' histories were brought over from the retired journal table", SqlLegacyJournal.MarkerPostgres),
        (6, "claim history: sent time, and the mined block, gas used, effective gas price and fee of each claim's transaction", ClaimSchema.History),
    ];

    public static int LatestVersion => Migrations[^1].Version;

    /// <returns>The versions applied by this call; empty when the schema was already current.</returns>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlConnection connection, string location, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, PostgresLocks.Sql(PostgresLocks.Migration), cancellationToken);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     integer NOT NULL PRIMARY KEY,
                applied     bigint  NOT NULL,
                description text    NOT NULL
            );
            """, cancellationToken);

        await using (var read = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection, transaction))
        {
            var current = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
            if (current > LatestVersion)
            {
                throw new StoreException(
                    StoreErrorKind.SchemaTooNew,
                    location,
                    $"The PostgreSQL store {location} has schema version {current}, but this Keeper knows versions up to "
                    + $"{LatestVersion}: it was written by a newer Keeper. Run that version, or point keeper.store.connection-string "
                    + "at another database.");
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

                await using var record = new NpgsqlCommand(
                    "INSERT INTO schema_version (version, applied, description) VALUES (@version, @applied, @description)", connection, transaction);
                record.Parameters.AddWithValue("version", version);
                record.Parameters.AddWithValue("applied", now.UtcTicks);
                record.Parameters.AddWithValue("description", description);
                await record.ExecuteNonQueryAsync(cancellationToken);
                applied.Add(version);
            }

            await transaction.CommitAsync(cancellationToken);
            return applied;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
