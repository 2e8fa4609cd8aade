using System.Data.Common;
using System.Text;
using Keeper.Actors.Submission;

namespace Keeper.Testing.Persistence;

/// <summary>
/// A store as Keeper wrote it before Akka.Persistence: schema migration 1 of that version (its tables <c>journal</c>,
/// <c>journal_metadata</c> and <c>snapshot</c>, taken from its SqliteSchema and PostgresSchema) and journal rows as its
/// journal writer stored them: persistence id <c>submitter:&lt;lowercase address&gt;</c>, sequence numbers from 1, the
/// event's manifest and its JSON payload, <c>deleted</c> false, created in UTC ticks.
/// </summary>
public static class OldKeeperStore
{
    public const string SqliteTables = """
        CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied INTEGER NOT NULL, description TEXT NOT NULL);
        CREATE TABLE journal (
            ordering       INTEGER PRIMARY KEY AUTOINCREMENT,
            persistence_id TEXT    NOT NULL,
            sequence_nr    INTEGER NOT NULL,
            deleted        INTEGER NOT NULL DEFAULT 0,
            created        INTEGER NOT NULL,
            manifest       TEXT    NOT NULL,
            payload        BLOB    NOT NULL,
            tags           TEXT    NULL,
            UNIQUE (persistence_id, sequence_nr)
        );
        CREATE TABLE journal_metadata (persistence_id TEXT NOT NULL PRIMARY KEY, sequence_nr INTEGER NOT NULL);
        CREATE TABLE snapshot (
            persistence_id TEXT    NOT NULL,
            sequence_nr    INTEGER NOT NULL,
            created        INTEGER NOT NULL,
            manifest       TEXT    NOT NULL,
            payload        BLOB    NOT NULL,
            PRIMARY KEY (persistence_id, sequence_nr)
        );
        INSERT INTO schema_version VALUES (1, 638000000000000000, 'journal, journal_metadata and snapshot tables');
        """;

    public const string PostgresTables = """
        CREATE TABLE schema_version (version integer NOT NULL PRIMARY KEY, applied bigint NOT NULL, description text NOT NULL);
        CREATE TABLE journal (
            ordering       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            persistence_id text COLLATE "C" NOT NULL,
            sequence_nr    bigint  NOT NULL,
            deleted        boolean NOT NULL DEFAULT false,
            created        bigint  NOT NULL,
            manifest       text    NOT NULL,
            payload        bytea   NOT NULL,
            tags           text    NULL,
            UNIQUE (persistence_id, sequence_nr)
        );
        CREATE TABLE journal_metadata (persistence_id text COLLATE "C" NOT NULL PRIMARY KEY, sequence_nr bigint NOT NULL);
        CREATE TABLE snapshot (
            persistence_id text COLLATE "C" NOT NULL,
            sequence_nr    bigint NOT NULL,
            created        bigint NOT NULL,
            manifest       text   NOT NULL,
            payload        bytea  NOT NULL,
            PRIMARY KEY (persistence_id, sequence_nr)
        );
        INSERT INTO schema_version VALUES (1, 638000000000000000, 'journal, journal_metadata and snapshot tables');
        """;

    /// <summary>Runs <paramref name="sql"/> on <paramref name="connection"/>.</summary>
    public static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Appends <paramref name="events"/> to the old journal of <paramref name="persistenceId"/>, from sequence number 1.</summary>
    public static async Task AppendAsync(DbConnection connection, string persistenceId, IEnumerable<SubmissionEvent> events)
    {
        var rows = events.Select(e => (SubmissionEventSerializer.ManifestOf(e), SubmissionEventSerializer.Serialize(e)));
        await AppendRawAsync(connection, persistenceId, rows);
    }

    /// <summary>Appends rows as given (manifest and payload), from sequence number 1.</summary>
    public static async Task AppendRawAsync(DbConnection connection, string persistenceId, IEnumerable<(string Manifest, byte[] Payload)> rows)
    {
        var sequence = 0L;
        foreach (var (manifest, payload) in rows)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO journal (persistence_id, sequence_nr, deleted, created, manifest, payload) VALUES (@id, @seq, FALSE, @created, @manifest, @payload)";
            Add(command, "@id", persistenceId);
            Add(command, "@seq", ++sequence);
            Add(command, "@created", 638_000_000_000_000_000L + sequence);
            Add(command, "@manifest", manifest);
            Add(command, "@payload", payload);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A tracker snapshot row of the old snapshot table (its content is never read).</summary>
    public static Task AddSnapshotAsync(DbConnection connection) =>
        ExecuteAsync(connection, "INSERT INTO snapshot VALUES ('tracker:megapool:0x00000000000000000000000000000000000000a1', 1, 0, 'megapool-tracking/1', "
            + (connection.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal) ? "'\\x7b7d'::bytea" : "X'7B7D'") + ")");

    /// <summary>The old journal's Sent event of <paramref name="hash"/> for nonce 0, as its serializer wrote it.</summary>
    public static (string Manifest, byte[] Payload) SentRow(string hash) => ("submission.sent.v1", Encoding.UTF8.GetBytes($$"""{"nonce":0,"hash":"{{hash}}"}"""));

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
