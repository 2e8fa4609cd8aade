using Akka.Actor;
using Keeper.Actors.Persistence;
using Microsoft.Data.Sqlite;

namespace Keeper.Testing.Persistence;

/// <summary>Reads what Akka.Persistence.Sql's snapshot store holds, from the snapshot table itself, so a test sees the rows, not the actor's view.</summary>
public static class SnapshotRows
{
    /// <summary>
    /// The snapshots of <paramref name="persistenceId"/> in the SQLite <paramref name="store"/>, oldest first, read back
    /// with <paramref name="system"/>'s serializers.
    /// </summary>
    public static async Task<IReadOnlyList<(long SequenceNr, object Snapshot)>> ReadAsync(ActorSystem system, SqlStoreLocation store, string persistenceId)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT sequence_number, snapshot, serializer_id, manifest FROM {SqlPersistenceConfig.SnapshotTable} WHERE persistence_id = $id ORDER BY sequence_number";
        command.Parameters.AddWithValue("$id", persistenceId);
        var rows = new List<(long, object)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), system.Serialization.Deserialize((byte[])reader[1], reader.GetInt32(2), reader.GetString(3))));
        }

        return rows;
    }
}
