using Keeper.Actors.Persistence;
using Microsoft.Data.Sqlite;
using Xunit;
using static Keeper.Actors.Tests.Persistence.Sql.JournalProbeActor;

namespace Keeper.Actors.Tests.Persistence.Sql;

/// <summary>The persistence contract on a SQLite file in a fresh temporary folder, plus what only SQLite needs.</summary>
public sealed class SqlitePersistenceTests : SqlPersistenceContractTests
{
    private readonly SqlTempFolder _folder;

    public SqlitePersistenceTests()
        : this(new SqlTempFolder())
    {
    }

    private SqlitePersistenceTests(SqlTempFolder folder)
        : base(SqlStoreLocation.Sqlite(folder.StorePath), nameof(SqlitePersistenceTests))
    {
        _folder = folder;
    }

    public override Task InitializeAsync() => SqlPersistenceConfig.PrepareSqliteAsync(_folder.StorePath, CancellationToken.None);

    [Fact]
    public async Task StoreFile_AfterJournalAndSnapshotWrites_WalModeAndSynchronousFull()
    {
        await JournalTwelveEventsWithASnapshotAfterThree(PersistenceIdOf(nameof(StoreFile_AfterJournalAndSnapshotWrites_WalModeAndSynchronousFull)));

        // Opened exactly as the plugin opens its connections: from the same connection string, nothing run on it.
        await using var connection = new SqliteConnection(Store.ConnectionString);
        await connection.OpenAsync();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal("2", await ScalarAsync(connection, "PRAGMA synchronous")); // 2 = FULL: every commit is fsynced.
        Assert.True(File.Exists(_folder.StorePath + "-wal"), "the write-ahead log file next to the store");
    }

    [Fact]
    public async Task StoreFile_TablesOfTheOldHandWrittenStore_PluginKeepsToItsOwnTables()
    {
        // The shape the hand-written store gave "journal" and "snapshot" in files operators already have.
        await using (var connection = new SqliteConnection(Store.ConnectionString))
        {
            await connection.OpenAsync();
            await ScalarAsync(connection, """
                CREATE TABLE journal (ordering INTEGER PRIMARY KEY AUTOINCREMENT, persistence_id TEXT NOT NULL, sequence_nr INTEGER NOT NULL,
                    deleted INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL, manifest TEXT NOT NULL, payload BLOB NOT NULL, tags TEXT NULL);
                CREATE TABLE snapshot (persistence_id TEXT NOT NULL, sequence_nr INTEGER NOT NULL, created INTEGER NOT NULL,
                    manifest TEXT NOT NULL, payload BLOB NOT NULL, PRIMARY KEY (persistence_id, sequence_nr));
                """);
        }

        var pid = PersistenceIdOf(nameof(StoreFile_TablesOfTheOldHandWrittenStore_PluginKeepsToItsOwnTables));
        var events = await JournalTwelveEventsWithASnapshotAfterThree(pid);
        var actor = Sys.ActorOf(JournalProbeActor.Props(pid));
        actor.Tell(new GetRecovered(), TestActor);
        var recovered = ExpectMsg<Recovered>(Patience, "the state recovered next to the old tables");

        Assert.Equal(events.Skip(3), recovered.Events.Select(e => e.Event));
        await using var check = new SqliteConnection(Store.ConnectionString);
        await check.OpenAsync();
        Assert.Equal("0", await ScalarAsync(check, "SELECT count(*) FROM journal"));
        Assert.Equal("0", await ScalarAsync(check, "SELECT count(*) FROM snapshot"));
        Assert.Equal("12", await ScalarAsync(check, $"SELECT count(*) FROM {SqlPersistenceConfig.JournalTable}"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
