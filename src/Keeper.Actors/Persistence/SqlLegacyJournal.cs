using System.Data.Common;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Actors.Submission;

namespace Keeper.Actors.Persistence;

/// <summary>
/// Reads the journal Keeper wrote itself before Akka.Persistence (schema migration 1 of stores made then): table
/// <c>journal</c> (ordering, persistence_id, sequence_nr, deleted, created, manifest, payload, tags) with the
/// submitter's events as <see cref="SubmissionEventSerializer"/> JSON, and table <c>snapshot</c>. Which persistence
/// ids were brought over is recorded in <c>legacy_journal_import</c> (migration 5), so each is imported once.
/// </summary>
public sealed class SqlLegacyJournal : ILegacyJournal
{
    /// <summary>The old journal's table.</summary>
    public const string JournalTable = "journal";

    /// <summary>The old snapshot table.</summary>
    public const string SnapshotTable = "snapshot";

    internal const string MarkerSqlite = """
        CREATE TABLE legacy_journal_import (
            persistence_id TEXT    NOT NULL PRIMARY KEY,
            events         INTEGER NOT NULL,
            imported       INTEGER NOT NULL
        );
        """;

    internal const string MarkerPostgres = """
        CREATE TABLE legacy_journal_import (
            persistence_id text COLLATE "C" NOT NULL PRIMARY KEY,
            events         integer NOT NULL,
            imported       bigint  NOT NULL
        );
        """;

    private readonly ISqlExecutor _store;
    private readonly string _tableExistsSql;

    /// <summary>Reads the old tables of <paramref name="store"/>'s file.</summary>
    public SqlLegacyJournal(SqliteClaimDatabase store)
        : this(store, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name")
    {
    }

    /// <summary>Reads the old tables of <paramref name="store"/>'s database (its current schema).</summary>
    public SqlLegacyJournal(PostgresClaimDatabase store)
        : this(store, "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = @name")
    {
    }

    private SqlLegacyJournal(ISqlExecutor store, string tableExistsSql)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _tableExistsSql = tableExistsSql;
    }

    /// <inheritdoc />
    public string Description => $"table '{JournalTable}' of {_store.Location}";

    /// <inheritdoc />
    public Task<LegacyJournalContents> ReadAsync(string persistenceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        return _store.ExecuteReadAsync(
            async (connection, ct) =>
            {
                if (!await TableExistsAsync(connection, JournalTable, ct))
                {
                    return new LegacyJournalContents(false, [], 0);
                }

                var imported = await SqlCommands.QueryAsync(
                    connection, null, "SELECT events FROM legacy_journal_import WHERE persistence_id = @id", r => r.GetInt64(0), ct, ("@id", persistenceId));
                if (imported.Count > 0)
                {
                    return new LegacyJournalContents(true, [], 0);
                }

                var rows = await SqlCommands.QueryAsync(
                    connection,
                    null,
                    $"SELECT sequence_nr, manifest, payload FROM {JournalTable} WHERE persistence_id = @id AND NOT deleted ORDER BY sequence_nr",
                    r => (Sequence: r.GetInt64(0), Manifest: r.GetString(1), Payload: (byte[])r.GetValue(2)),
                    ct,
                    ("@id", persistenceId));
                var snapshots = await TableExistsAsync(connection, SnapshotTable, ct)
                    ? Convert.ToInt64(await ScalarAsync(connection, $"SELECT COUNT(*) FROM {SnapshotTable}", ct), System.Globalization.CultureInfo.InvariantCulture)
                    : 0;
                return new LegacyJournalContents(false, Events(persistenceId, rows), snapshots);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task MarkImportedAsync(string persistenceId, int events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        return _store.ExecuteWriteAsync(
            async (connection, transaction, ct) => await SqlCommands.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO legacy_journal_import (persistence_id, events, imported) VALUES (@id, @events, @now) ON CONFLICT DO NOTHING",
                ct,
                ("@id", persistenceId),
                ("@events", events),
                ("@now", now.UtcTicks)),
            cancellationToken);
    }

    // The old store never deleted journal rows, so a history starts at 1 and has no gap; one that does not cannot be
    // replayed as the old submitter replayed it.
    private List<SubmissionEvent> Events(string persistenceId, List<(long Sequence, string Manifest, byte[] Payload)> rows)
    {
        var events = new List<SubmissionEvent>(rows.Count);
        foreach (var (sequence, manifest, payload) in rows)
        {
            if (sequence != events.Count + 1)
            {
                throw new SubmissionJournalException(
                    $"The old journal ({Description}) holds {persistenceId} from sequence number {sequence} where {events.Count + 1} was expected: its history is incomplete.");
            }

            try
            {
                events.Add(SubmissionEventSerializer.Deserialize(manifest, payload));
            }
            catch (SubmissionJournalException e)
            {
                throw new SubmissionJournalException($"The old journal ({Description}) row {persistenceId} #{sequence} cannot be read: {e.Message}", e);
            }
        }

        return events;
    }

    private async Task<bool> TableExistsAsync(DbConnection connection, string table, CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync(connection, _tableExistsSql, ct, ("@name", table)), System.Globalization.CultureInfo.InvariantCulture) > 0;

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = SqlCommands.Create(connection, null, sql, parameters);
        return await command.ExecuteScalarAsync(ct);
    }
}
