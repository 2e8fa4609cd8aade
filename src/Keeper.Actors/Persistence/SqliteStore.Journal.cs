using Microsoft.Data.Sqlite;

namespace Keeper.Actors.Persistence;

/// <content>The <see cref="IJournal"/> half of the store.</content>
public sealed partial class SqliteStore
{
    private const string EntryColumns = "ordering, persistence_id, sequence_nr, created, manifest, payload, tags";

    // The journal's highest number may be gone (deleted), so journal_metadata remembers it; the larger of the two wins.
    private const string HighestSql = """
        SELECT MAX(
            COALESCE((SELECT MAX(sequence_nr) FROM journal WHERE persistence_id = $id), 0),
            COALESCE((SELECT sequence_nr FROM journal_metadata WHERE persistence_id = $id), 0))
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<JournalEntry>> WriteAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken)
    {
        PersistenceGuards.Entries(entries, nameof(entries));
        if (entries.Count == 0)
        {
            return [];
        }

        var created = _time.GetUtcNow();
        return await ExecuteWriteAsync((connection, transaction, ct) => AppendAsync(connection, transaction, entries, created, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> ReadAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int max, CancellationToken cancellationToken)
    {
        PersistenceGuards.PersistenceId(persistenceId, nameof(persistenceId));
        PersistenceGuards.Max(max, nameof(max));
        return ExecuteAsync(
            async (connection, ct) =>
            {
                using var command = Command(connection, null, $"""
                    SELECT {EntryColumns} FROM journal
                    WHERE persistence_id = $id AND sequence_nr >= $from AND sequence_nr <= $to AND deleted = 0
                    ORDER BY sequence_nr LIMIT $max
                    """);
                command.Parameters.AddWithValue("$id", persistenceId);
                command.Parameters.AddWithValue("$from", fromSequenceNr);
                command.Parameters.AddWithValue("$to", toSequenceNr);
                command.Parameters.AddWithValue("$max", max);
                return await ReadEntriesAsync(command, ct);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> HighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        PersistenceGuards.PersistenceId(persistenceId, nameof(persistenceId));
        return ExecuteAsync((connection, ct) => HighestAsync(connection, null, persistenceId, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        PersistenceGuards.PersistenceId(persistenceId, nameof(persistenceId));
        return ExecuteWriteAsync(
            async (connection, transaction, ct) =>
            {
                var highest = await HighestAsync(connection, transaction, persistenceId, ct);
                if (highest == 0)
                {
                    return 0;
                }

                using (var remember = Command(connection, transaction, """
                    INSERT INTO journal_metadata (persistence_id, sequence_nr) VALUES ($id, $highest)
                    ON CONFLICT (persistence_id) DO UPDATE SET sequence_nr = MAX(sequence_nr, excluded.sequence_nr)
                    """))
                {
                    remember.Parameters.AddWithValue("$id", persistenceId);
                    remember.Parameters.AddWithValue("$highest", highest);
                    await remember.ExecuteNonQueryAsync(ct);
                }

                using var delete = Command(connection, transaction, "DELETE FROM journal WHERE persistence_id = $id AND sequence_nr <= $to");
                delete.Parameters.AddWithValue("$id", persistenceId);
                delete.Parameters.AddWithValue("$to", toSequenceNr);
                return await delete.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> ReadAllAsync(long fromOrdering, int max, CancellationToken cancellationToken)
    {
        PersistenceGuards.Max(max, nameof(max));
        return ExecuteAsync(
            async (connection, ct) =>
            {
                using var command = Command(connection, null, $"""
                    SELECT {EntryColumns} FROM journal
                    WHERE ordering >= $from AND deleted = 0
                    ORDER BY ordering LIMIT $max
                    """);
                command.Parameters.AddWithValue("$from", fromOrdering);
                command.Parameters.AddWithValue("$max", max);
                return await ReadEntriesAsync(command, ct);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> ReadByTagAsync(string tag, long fromOrdering, int max, CancellationToken cancellationToken)
    {
        PersistenceGuards.Tag(tag, nameof(tag));
        PersistenceGuards.Max(max, nameof(max));
        return ExecuteAsync(
            async (connection, ct) =>
            {
                using var command = Command(connection, null, $"""
                    SELECT {EntryColumns} FROM journal
                    WHERE ordering >= $from AND deleted = 0 AND instr(tags, $needle) > 0
                    ORDER BY ordering LIMIT $max
                    """);
                command.Parameters.AddWithValue("$from", fromOrdering);
                command.Parameters.AddWithValue("$needle", JournalTags.Needle(tag));
                command.Parameters.AddWithValue("$max", max);
                return await ReadEntriesAsync(command, ct);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> PersistenceIdsAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(
            async (connection, ct) =>
            {
                using var command = Command(connection, null, """
                    SELECT persistence_id FROM journal
                    UNION
                    SELECT persistence_id FROM journal_metadata
                    ORDER BY 1
                    """);
                await using var reader = await command.ExecuteReaderAsync(ct);
                var ids = new List<string>();
                while (await reader.ReadAsync(ct))
                {
                    ids.Add(reader.GetString(0));
                }

                return (IReadOnlyList<string>)ids;
            },
            cancellationToken);

    private static async Task<IReadOnlyList<JournalEntry>> AppendAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<JournalEntry> entries, DateTimeOffset created, CancellationToken cancellationToken)
    {
        // Check every id's continuity before inserting anything: BEGIN IMMEDIATE holds the write lock, so nobody can
        // append between this check and the commit, in this process or another.
        var next = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!next.TryGetValue(entry.PersistenceId, out var expected))
            {
                expected = await HighestAsync(connection, transaction, entry.PersistenceId, cancellationToken) + 1;
            }

            if (entry.SequenceNr != expected)
            {
                throw new JournalConcurrencyException(entry.PersistenceId, expected, entry.SequenceNr);
            }

            next[entry.PersistenceId] = expected + 1;
        }

        using var insert = Command(connection, transaction, """
            INSERT INTO journal (persistence_id, sequence_nr, deleted, created, manifest, payload, tags)
            VALUES ($id, $seq, 0, $created, $manifest, $payload, $tags)
            """);
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        insert.Parameters.AddWithValue("$created", created.UtcTicks);
        var manifest = insert.Parameters.Add("$manifest", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        var tags = insert.Parameters.Add("$tags", SqliteType.Text);
        using var rowId = Command(connection, transaction, "SELECT last_insert_rowid()");

        var stored = new JournalEntry[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            id.Value = entry.PersistenceId;
            seq.Value = entry.SequenceNr;
            manifest.Value = entry.Manifest;
            payload.Value = entry.Payload;
            tags.Value = (object?)JournalTags.Encode(entry.Tags) ?? DBNull.Value;
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException e) when (SqliteErrors.PrimaryCode(e) == SqliteErrors.Constraint)
            {
                // Unreachable while every writer goes through the check above; kept so a writer that bypassed it is
                // still reported as a concurrency conflict rather than an I/O error.
                throw new JournalConcurrencyException(entry.PersistenceId, entry.SequenceNr, entry.SequenceNr, e);
            }

            var ordering = (long)(await rowId.ExecuteScalarAsync(cancellationToken))!;
            stored[i] = entry with { Ordering = ordering, Created = created };
        }

        return stored;
    }

    private static async Task<long> HighestAsync(SqliteConnection connection, SqliteTransaction? transaction, string persistenceId, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, HighestSql);
        command.Parameters.AddWithValue("$id", persistenceId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<IReadOnlyList<JournalEntry>> ReadEntriesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<JournalEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new JournalEntry(reader.GetString(1), reader.GetInt64(2), reader.GetString(4), reader.GetFieldValue<byte[]>(5))
            {
                Ordering = reader.GetInt64(0),
                Created = FromTicks(reader.GetInt64(3)),
                Tags = JournalTags.Decode(reader.IsDBNull(6) ? null : reader.GetString(6)),
            });
        }

        return entries;
    }
}
