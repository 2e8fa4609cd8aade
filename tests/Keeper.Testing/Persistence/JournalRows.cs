using Keeper.Actors.Persistence;
using Keeper.Actors.Submission;
using Microsoft.Data.Sqlite;

namespace Keeper.Testing.Persistence;

/// <summary>Reads what Akka.Persistence.Sql stored, from the journal table itself, so a test sees the rows, not the actor's view.</summary>
public static class JournalRows
{
    /// <summary>The submission events of <paramref name="persistenceId"/> in the SQLite <paramref name="store"/>, in sequence order.</summary>
    public static async Task<IReadOnlyList<SubmissionEvent>> SubmissionEventsAsync(SqlStoreLocation store, string persistenceId)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT manifest, message FROM {SqlPersistenceConfig.JournalTable} WHERE persistence_id = $id ORDER BY sequence_number";
        command.Parameters.AddWithValue("$id", persistenceId);
        var events = new List<SubmissionEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(SubmissionEventSerializer.Deserialize(reader.GetString(0), (byte[])reader[1]));
        }

        return events;
    }
}
