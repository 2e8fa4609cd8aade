using Akka.Configuration;
using Keeper.Actors.Persistence;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Keeper.Actors.Tests.Persistence.Sql;

public sealed class SqlPersistenceConfigTests : IDisposable
{
    private readonly SqlTempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void For_Sqlite_JournalAndSnapshotStoreOnTheFileWithKeeperTables()
    {
        var store = SqlStoreLocation.Sqlite(_folder.StorePath);

        var config = SqlPersistenceConfig.For(store);

        Assert.Equal("akka.persistence.journal.sql", config.GetString("akka.persistence.journal.plugin"));
        Assert.Equal("akka.persistence.snapshot-store.sql", config.GetString("akka.persistence.snapshot-store.plugin"));
        foreach (var plugin in new[] { "akka.persistence.journal.sql", "akka.persistence.snapshot-store.sql", "akka.persistence.query.journal.sql" })
        {
            Assert.Equal(store.ConnectionString, config.GetString($"{plugin}.connection-string"));
            Assert.Equal("SQLite.MS", config.GetString($"{plugin}.provider-name"));
            Assert.Equal("default", config.GetString($"{plugin}.table-mapping"));
            Assert.False(string.IsNullOrEmpty(config.GetString($"{plugin}.class")), $"{plugin}.class comes from the plugin's reference configuration");
        }

        Assert.True(config.GetBoolean("akka.persistence.journal.sql.auto-initialize"));
        Assert.True(config.GetBoolean("akka.persistence.snapshot-store.sql.auto-initialize"));
        Assert.Equal("akka_journal", config.GetString("akka.persistence.journal.sql.default.journal.table-name"));
        Assert.Equal("akka_journal", config.GetString("akka.persistence.query.journal.sql.default.journal.table-name"));
        Assert.Equal("akka_journal_tags", config.GetString("akka.persistence.journal.sql.default.tag.table-name"));
        Assert.Equal("akka_snapshot", config.GetString("akka.persistence.snapshot-store.sql.default.snapshot.table-name"));
        // Columns still come from the default mapping.
        Assert.Equal("sequence_number", config.GetString("akka.persistence.journal.sql.default.journal.columns.sequence-number"));
        Assert.Equal(1, config.GetInt("akka.persistence.journal.sql.parallelism"));
        Assert.Equal(TimeSpan.FromSeconds(30), config.GetTimeSpan("akka.persistence.journal.sql.circuit-breaker.call-timeout"));
        Assert.Equal(TimeSpan.FromSeconds(60), config.GetTimeSpan("akka.persistence.journal.sql.recovery-event-timeout"));
        Assert.Contains($"Data Source={Path.GetFullPath(_folder.StorePath)}", store.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Default Timeout=20", store.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void For_PostgresPasswordWithHoconSpecialCharacters_ConnectionStringReadBackExactly()
    {
        var store = SqlStoreLocation.Postgres("Host=db.example;Port=5433;Database=keeper;Username=keeper;Password='p\"a\\s}s ${x} #=;'");

        var config = SqlPersistenceConfig.For(store);

        Assert.Equal(store.ConnectionString, config.GetString("akka.persistence.journal.sql.connection-string"));
        Assert.Equal(store.ConnectionString, config.GetString("akka.persistence.snapshot-store.sql.connection-string"));
        Assert.Equal("PostgreSQL.15", config.GetString("akka.persistence.journal.sql.provider-name"));
        Assert.Equal(3, config.GetInt("akka.persistence.journal.sql.parallelism"));
        Assert.Equal("PostgreSQL database keeper on db.example:5433 (user keeper)", store.ToString());
    }

    [Fact]
    public void Postgres_NotAConnectionString_RefusedNamingTheKey()
    {
        var error = Assert.Throws<ArgumentException>(() => SqlStoreLocation.Postgres("Hots=localhost"));

        Assert.Contains("keeper.store.connection-string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareSqliteAsync_MissingFolderAndFile_CreatesThemInWalMode()
    {
        Assert.False(Directory.Exists(Path.GetDirectoryName(_folder.StorePath)));

        var store = await SqlPersistenceConfig.PrepareSqliteAsync(_folder.StorePath, CancellationToken.None);

        Assert.True(File.Exists(_folder.StorePath));
        Assert.Equal(Path.GetFullPath(_folder.StorePath), store.SqlitePath);
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task PrepareSqliteAsync_AgainOnAPreparedFile_StillWal()
    {
        await SqlPersistenceConfig.PrepareSqliteAsync(_folder.StorePath, CancellationToken.None);

        var store = await SqlPersistenceConfig.PrepareSqliteAsync(_folder.StorePath, CancellationToken.None);

        Assert.Equal(SqlStoreKind.Sqlite, store.Kind);
    }

    [Fact]
    public async Task PrepareSqliteAsync_FolderCannotBeCreated_SqlStoreExceptionNamesTheFile()
    {
        var blocker = Path.Combine(_folder.Folder, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var path = Path.Combine(blocker, "keeper.db");

        var error = await Assert.ThrowsAsync<SqlStoreException>(() => SqlPersistenceConfig.PrepareSqliteAsync(path, CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal($"SQLite file {path}", error.Store);
    }

    [Fact]
    public void Config_WithSerializerInFront_BothPresent()
    {
        var config = KeeperSerializer.Configuration.WithFallback(SqlPersistenceConfig.For(SqlStoreLocation.Sqlite(_folder.StorePath)));

        Assert.Equal("Keeper.Actors.Persistence.KeeperSerializer, Keeper.Actors", config.GetString("akka.actor.serializers.keeper"));
        Assert.Equal("akka.persistence.journal.sql", config.GetString("akka.persistence.journal.plugin"));
        Assert.IsType<Config>(config);
    }
}
