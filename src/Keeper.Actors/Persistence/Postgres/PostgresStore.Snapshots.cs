using Npgsql;
using NpgsqlTypes;

namespace Keeper.Actors.Persistence.Postgres;

/// <content>The <see cref="ISnapshotStore"/> half of the store.</content>
public sealed partial class PostgresStore
{
    /// <inheritdoc />
    public async Task<SnapshotEntry> SaveAsync(SnapshotEntry snapshot, CancellationToken cancellationToken)
    {
        PersistenceGuards.Snapshot(snapshot, nameof(snapshot));
        var stored = snapshot with { Created = _time.GetUtcNow() };
        await ExecuteAsync(
            async (connection, ct) =>
            {
                await using var command = new NpgsqlCommand("""
                    INSERT INTO snapshot (persistence_id, sequence_nr, created, manifest, payload)
                    VALUES (@id, @seq, @created, @manifest, @payload)
                    ON CONFLICT (persistence_id, sequence_nr)
                    DO UPDATE SET created = excluded.created, manifest = excluded.manifest, payload = excluded.payload
                    """, connection);
                command.Parameters.AddWithValue("id", stored.PersistenceId);
                command.Parameters.AddWithValue("seq", stored.SequenceNr);
                command.Parameters.AddWithValue("created", stored.Created.UtcTicks);
                command.Parameters.AddWithValue("manifest", stored.Manifest);
                command.Parameters.AddWithValue("payload", NpgsqlDbType.Bytea, stored.Payload);
                return await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
        return stored;
    }

    /// <inheritdoc />
    public Task<SnapshotEntry?> LoadLatestAsync(string persistenceId, long maxSequenceNr, CancellationToken cancellationToken)
    {
        PersistenceGuards.PersistenceId(persistenceId, nameof(persistenceId));
        return ExecuteAsync(
            async (connection, ct) =>
            {
                await using var command = new NpgsqlCommand("""
                    SELECT sequence_nr, created, manifest, payload FROM snapshot
                    WHERE persistence_id = @id AND sequence_nr <= @max
                    ORDER BY sequence_nr DESC LIMIT 1
                    """, connection);
                command.Parameters.AddWithValue("id", persistenceId);
                command.Parameters.AddWithValue("max", maxSequenceNr);
                await using var reader = await command.ExecuteReaderAsync(ct);
                if (!await reader.ReadAsync(ct))
                {
                    return null;
                }

                return new SnapshotEntry(persistenceId, reader.GetInt64(0), reader.GetString(2), reader.GetFieldValue<byte[]>(3))
                {
                    Created = FromTicks(reader.GetInt64(1)),
                };
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string persistenceId, long maxSequenceNr, CancellationToken cancellationToken)
    {
        PersistenceGuards.PersistenceId(persistenceId, nameof(persistenceId));
        return ExecuteAsync(
            async (connection, ct) =>
            {
                await using var command = new NpgsqlCommand("DELETE FROM snapshot WHERE persistence_id = @id AND sequence_nr <= @max", connection);
                command.Parameters.AddWithValue("id", persistenceId);
                command.Parameters.AddWithValue("max", maxSequenceNr);
                return await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }
}
