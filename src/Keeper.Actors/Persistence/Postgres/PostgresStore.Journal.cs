using Npgsql;
using NpgsqlTypes;

namespace Keeper.Actors.Persistence.Postgres;

/// <content>The <see cref="IJournal"/> half of the store.</content>
public sealed partial class PostgresStore
{
    private const string EntryColumns = "ordering, persistence_id, sequence_nr, created, manifest, payload, tags";

    // The journal's highest number may be gone (deleted), so journal_metadata remembers it; the larger of the two wins.
    private const string HighestSql = """
        SELECT GREATEST(
            COALESCE((SELECT MAX(sequence_nr) FROM journal WHERE persistence_id = @id), 0),
            COALESCE((SELECT sequence_nr FROM journal_metadata WHERE persistence_id = @id), 0))
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
        return await ExecuteTransactionAsync((connection, transaction, ct) => AppendAsync(connection, transaction, entries, created, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JournalEntry>> ReadAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int max, CancellationToken cancellationToken)
    {
        PersistenceGuards.PersistenceId(persistenceId, nameof(persistenceId));
        PersistenceGuards.Max(max, nameof(max));
        return ExecuteAsync(
            async (connection, ct) =>
            {
                await using var command = new NpgsqlCommand($"""
                    SELECT {EntryColumns} FROM journal
                    WHERE persistence_id = @id AND sequence_nr >= @from AND sequence_nr <= @to AND NOT deleted
                    ORDER BY sequence_nr LIMIT @max
                    """, connection);
                command.Parameters.AddWithValue("id", persistenceId);
                command.Parameters.AddWithValue("from", fromSequenceNr);
                command.Parameters.AddWithValue("to", toSequenceNr);
                command.Parameters.AddWithValue("max", max);
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
        return ExecuteTransactionAsync(
            async (connection, transaction, ct) =>
            {
                await LockJournalAsync(connection, transaction, ct);
                var highest = await HighestAsync(connection, transaction, persistenceId, ct);
                if (highest == 0)
                {
                    return 0;
                }

                await using (var remember = new NpgsqlCommand("""
                    INSERT INTO journal_metadata (persistence_id, sequence_nr) VALUES (@id, @highest)
                    ON CONFLICT (persistence_id) DO UPDATE SET sequence_nr = GREATEST(journal_metadata.sequence_nr, excluded.sequence_nr)
                    """, connection, transaction))
                {
                    remember.Parameters.AddWithValue("id", persistenceId);
                    remember.Parameters.AddWithValue("highest", highest);
                    await remember.ExecuteNonQueryAsync(ct);
                }

                await using var delete = new NpgsqlCommand("DELETE FROM journal WHERE persistence_id = @id AND sequence_nr <= @to", connection, transaction);
                delete.Parameters.AddWithValue("id", persistenceId);
                delete.Parameters.AddWithValue("to", toSequenceNr);
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
                await using var command = new NpgsqlCommand($"""
                    SELECT {EntryColumns} FROM journal
                    WHERE ordering >= @from AND NOT deleted
                    ORDER BY ordering LIMIT @max
                    """, connection);
                command.Parameters.AddWithValue("from", fromOrdering);
                command.Parameters.AddWithValue("max", max);
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
                await using var command = new NpgsqlCommand($"""
                    SELECT {EntryColumns} FROM journal
                    WHERE ordering >= @from AND NOT deleted AND strpos(tags, @needle) > 0
                    ORDER BY ordering LIMIT @max
                    """, connection);
                command.Parameters.AddWithValue("from", fromOrdering);
                command.Parameters.AddWithValue("needle", JournalTags.Needle(tag));
                command.Parameters.AddWithValue("max", max);
                return await ReadEntriesAsync(command, ct);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> PersistenceIdsAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(
            async (connection, ct) =>
            {
                await using var command = new NpgsqlCommand("""
                    SELECT persistence_id FROM journal
                    UNION
                    SELECT persistence_id FROM journal_metadata
                    ORDER BY 1
                    """, connection);
                await using var reader = await command.ExecuteReaderAsync(ct);
                var ids = new List<string>();
                while (await reader.ReadAsync(ct))
                {
                    ids.Add(reader.GetString(0));
                }

                return (IReadOnlyList<string>)ids;
            },
            cancellationToken);

    private static async Task LockJournalAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PostgresLocks.Sql(PostgresLocks.JournalWrite), connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<JournalEntry>> AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<JournalEntry> entries, DateTimeOffset created, CancellationToken cancellationToken)
    {
        // The lock is held until commit: nobody appends between the continuity check and the commit, in any process, and
        // nobody commits a higher ordering before this batch's (see the class remarks).
        await LockJournalAsync(connection, transaction, cancellationToken);
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

        // One round trip for the whole batch; each command's RETURNING comes back in command order.
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var entry in entries)
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO journal (persistence_id, sequence_nr, deleted, created, manifest, payload, tags)
                VALUES (@id, @seq, false, @created, @manifest, @payload, @tags)
                RETURNING ordering
                """);
            command.Parameters.AddWithValue("id", entry.PersistenceId);
            command.Parameters.AddWithValue("seq", entry.SequenceNr);
            command.Parameters.AddWithValue("created", created.UtcTicks);
            command.Parameters.AddWithValue("manifest", entry.Manifest);
            command.Parameters.AddWithValue("payload", NpgsqlDbType.Bytea, entry.Payload);
            command.Parameters.AddWithValue("tags", NpgsqlDbType.Text, (object?)JournalTags.Encode(entry.Tags) ?? DBNull.Value);
            batch.BatchCommands.Add(command);
        }

        try
        {
            return await InsertAsync(batch, entries, created, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.BatchCommand is { } failed)
        {
            // Unreachable while every writer holds the lock; kept so a writer that bypassed it is still reported as a
            // concurrency conflict rather than an I/O error.
            var entry = entries[batch.BatchCommands.IndexOf(failed)];
            throw new JournalConcurrencyException(entry.PersistenceId, entry.SequenceNr, entry.SequenceNr, e);
        }
    }

    private static async Task<IReadOnlyList<JournalEntry>> InsertAsync(
        NpgsqlBatch batch, IReadOnlyList<JournalEntry> entries, DateTimeOffset created, CancellationToken cancellationToken)
    {
        var stored = new JournalEntry[entries.Count];
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                await reader.NextResultAsync(cancellationToken);
            }

            await reader.ReadAsync(cancellationToken);
            stored[i] = entries[i] with { Ordering = reader.GetInt64(0), Created = created };
        }

        return stored;
    }

    private static async Task<long> HighestAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string persistenceId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(HighestSql, connection, transaction);
        command.Parameters.AddWithValue("id", persistenceId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<IReadOnlyList<JournalEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
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
