using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Testing.Persistence;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Keeper.Actors.Tests.Persistence;

/// <summary>What only the SQLite claim database does: file set-up, schema versions, locking and error messages.</summary>
public sealed class SqliteClaimDatabaseTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempStoreFolder _folder = new();
    private readonly StoreTestClock _clock = new(T0);

    public void Dispose() => _folder.Dispose();

    private Task<SqliteClaimDatabase> OpenAsync(string? path = null, TimeSpan? busyTimeout = null) =>
        SqliteClaimDatabase.OpenAsync(
            new SqliteClaimDatabaseOptions(SqlStoreLocation.Sqlite(path ?? _folder.StorePath)) { BusyTimeout = busyTimeout ?? SqliteClaimDatabaseOptions.DefaultBusyTimeout },
            _clock,
            logger: null,
            CancellationToken.None);

    private static Claim NewClaim(string taskKey) => new(taskKey, 0, "keeper-a", null, ClaimState.Pending, T0, T0);

    private static async Task<IReadOnlyList<Claim>> ClaimsOfAsync(SqliteClaimDatabase database, string taskKey) =>
        await new SqlClaimStore(database).GetAsync(taskKey, CancellationToken.None);

    private SqliteConnection RawConnection()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _folder.StorePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>This process's open file descriptors pointing into the test's folder (Linux /proc).</summary>
    private string[] OpenHandlesInFolder() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Select(fd => fd.LinkTarget)
            .Where(target => target is not null && target.StartsWith(_folder.Folder, StringComparison.Ordinal))
            .Select(target => target!)
            .ToArray();

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string Tables(SqliteConnection connection) => (string)Scalar(
        connection,
        "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name)")!;

    [Fact]
    public async Task OpenAsync_NewFileInMissingFolder_CreatesFolderWalFileAndOnlyTheClaimTable()
    {
        var path = Path.Combine(_folder.Folder, "nested", "deeper", "keeper.db");

        await using (var database = await OpenAsync(path))
        {
            Assert.Equal(path, database.Path);
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal((long)SqliteSchema.LatestVersion, Scalar(connection, "SELECT MAX(version) FROM schema_version"));
        Assert.Equal(_clock.GetUtcNow().UtcTicks, Scalar(connection, "SELECT applied FROM schema_version WHERE version = 1"));
        // The membership tables (migration 2) are retired with the hand-written membership: a new store has none.
        Assert.Equal("claim,legacy_journal_import,schema_version", Tables(connection));
    }

    [Fact]
    public async Task OpenAsync_StoreOfSchemaVersion3WithClaims_AddsTheReorgFenceAndItsClaimsStillBlock()
    {
        using (var connection = RawConnection())
        {
            Scalar(connection, $"""
                CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied INTEGER NOT NULL, description TEXT NOT NULL);
                {ClaimSchema.Sqlite}
                INSERT INTO schema_version VALUES (1, 0, 'one'), (2, 0, 'two'), (3, 0, 'three');
                INSERT INTO claim VALUES ('pending-task', 0, 'keeper-a', NULL, 'pending', 0, 0), ('mined-task', 0, 'keeper-a', NULL, 'mined', 0, 0);
                """);
        }

        await using (var database = await OpenAsync())
        {
            var claims = new SqlClaimStore(database);
            var blocked = await claims.TryClaimAsync(NewClaim("pending-task") with { Window = 1, MemberId = "keeper-b" }, head: 0, CancellationToken.None);
            var free = await claims.TryClaimAsync(NewClaim("mined-task") with { Window = 1, MemberId = "keeper-b" }, head: 0, CancellationToken.None);

            Assert.Equal(ClaimOutcome.PendingElsewhere, blocked.Outcome);
            Assert.True(free.IsClaimed);
            Assert.Null(Assert.Single(await ClaimsOfAsync(database, "pending-task")).FenceUntil);
        }

        using var check = RawConnection();
        Assert.Equal("1,2,3,4,5,6", Scalar(check, "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version)"));
    }

    [Fact]
    public async Task OpenAsync_FileOfTheRetiredHandWrittenStore_KeepsItsTablesAndAppliesNothing()
    {
        using (var connection = RawConnection())
        {
            Scalar(connection, """
                CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied INTEGER NOT NULL, description TEXT NOT NULL);
                CREATE TABLE journal (ordering INTEGER PRIMARY KEY AUTOINCREMENT, persistence_id TEXT NOT NULL, sequence_nr INTEGER NOT NULL);
                CREATE TABLE journal_metadata (persistence_id TEXT NOT NULL PRIMARY KEY, sequence_nr INTEGER NOT NULL);
                CREATE TABLE snapshot (persistence_id TEXT NOT NULL, sequence_nr INTEGER NOT NULL, PRIMARY KEY (persistence_id, sequence_nr));
                INSERT INTO snapshot VALUES ('tracker:0x01', 1);
                INSERT INTO schema_version VALUES (1, 0, 'journal, journal_metadata and snapshot tables');
                """);
        }

        await using (var database = await OpenAsync())
        {
            await new SqlClaimStore(database).TryClaimAsync(NewClaim("task"), head: 0, CancellationToken.None);
        }

        using var check = RawConnection();
        Assert.Equal("claim,journal,journal_metadata,legacy_journal_import,schema_version,snapshot", Tables(check));
        Assert.Equal(1L, Scalar(check, "SELECT COUNT(*) FROM snapshot"));
        Assert.Equal("1,2,3,4,5,6", Scalar(check, "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version)"));
    }

    [Fact]
    public async Task OpenAsync_Repeatedly_AppliesEachMigrationOnce()
    {
        for (var i = 0; i < 3; i++)
        {
            await using var database = await OpenAsync();
        }

        using var connection = RawConnection();
        Assert.Equal((long)SqliteSchema.Migrations.Count, Scalar(connection, "SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task OpenAsync_ManyAtOnceOnAFreshFile_AllSucceedWithOneSchema()
    {
        var databases = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => OpenAsync()))).WaitAsync(TimeSpan.FromSeconds(60));
        try
        {
            await new SqlClaimStore(databases[0]).TryClaimAsync(NewClaim("a"), head: 0, CancellationToken.None);
            Assert.All(await Task.WhenAll(databases.Select(d => ClaimsOfAsync(d, "a"))), claims => Assert.Equal([NewClaim("a")], claims));
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }

        using var connection = RawConnection();
        Assert.Equal((long)SqliteSchema.Migrations.Count, Scalar(connection, "SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task OpenAsync_SchemaFromANewerKeeper_ThrowsSchemaTooNew()
    {
        await (await OpenAsync()).DisposeAsync();
        using (var connection = RawConnection())
        {
            Scalar(connection, "INSERT INTO schema_version (version, applied, description) VALUES (99, 0, 'future')");
        }

        var e = await Assert.ThrowsAsync<StoreException>(() => OpenAsync());

        Assert.Equal(StoreErrorKind.SchemaTooNew, e.Kind);
        Assert.Equal(_folder.StorePath, e.Location);
        Assert.Contains("schema version 99", e.Message, StringComparison.Ordinal);
        Assert.Contains(_folder.StorePath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_FileIsNotADatabase_ThrowsCorruptNamingTheFile()
    {
        var garbage = new byte[8192];
        new Random(1234).NextBytes(garbage);
        await File.WriteAllBytesAsync(_folder.StorePath, garbage);

        var e = await Assert.ThrowsAsync<StoreException>(() => OpenAsync());

        Assert.Equal(StoreErrorKind.Corrupt, e.Kind);
        Assert.Contains($"The store file {_folder.StorePath} is corrupt", e.Message, StringComparison.Ordinal);
        Assert.Contains("move the file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_FolderCannotBeCreated_ThrowsCannotOpenNamingTheFolderAndSetting()
    {
        var blocker = Path.Combine(_folder.Folder, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var path = Path.Combine(blocker, "keeper.db");

        var e = await Assert.ThrowsAsync<StoreException>(() => OpenAsync(path));

        Assert.Equal(StoreErrorKind.CannotOpen, e.Kind);
        Assert.Equal(path, e.Location);
        Assert.Contains($"Cannot create the store folder {blocker}", e.Message, StringComparison.Ordinal);
        Assert.Contains("keeper.store.path", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_PathIsAFolder_ThrowsCannotOpen()
    {
        var e = await Assert.ThrowsAsync<StoreException>(() => OpenAsync(_folder.Folder));

        Assert.Equal(StoreErrorKind.CannotOpen, e.Kind);
        Assert.Contains(_folder.Folder, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_BadOptions_ThrowArgumentExceptions()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => OpenAsync(" "));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => OpenAsync(busyTimeout: TimeSpan.Zero));
        var postgres = new SqliteClaimDatabaseOptions(SqlStoreLocation.Postgres("Host=127.0.0.1;Database=keeper;Username=keeper"));
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => SqliteClaimDatabase.OpenAsync(postgres, _clock, logger: null, CancellationToken.None));
        Assert.Contains("needs a SQLite store", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryClaimAsync_FileLockedByAnotherWriterPastBusyTimeout_ThrowsLockedAndReadsStillWork()
    {
        await using var database = await OpenAsync(busyTimeout: TimeSpan.FromMilliseconds(200));
        var claims = new SqlClaimStore(database);
        await claims.TryClaimAsync(NewClaim("a"), head: 0, CancellationToken.None);
        using var holder = RawConnection();
        using var lockTransaction = holder.BeginTransaction(deferred: false);
        using (var insert = holder.CreateCommand())
        {
            insert.Transaction = lockTransaction;
            insert.CommandText = "UPDATE schema_version SET applied = applied";
            insert.ExecuteNonQuery();
        }

        var e = await Assert.ThrowsAsync<StoreException>(() => claims.TryClaimAsync(NewClaim("b"), head: 0, CancellationToken.None));

        Assert.Equal(StoreErrorKind.Locked, e.Kind);
        Assert.Contains($"The store file {_folder.StorePath} is locked by another process for more than 0.2 s", e.Message, StringComparison.Ordinal);
        Assert.Equal([NewClaim("a")], await claims.GetAsync("a", CancellationToken.None));
        lockTransaction.Rollback();
        Assert.True((await claims.TryClaimAsync(NewClaim("b"), head: 0, CancellationToken.None)).IsClaimed);
    }

    [Fact]
    public async Task DisposeAsync_AfterUse_ReleasesEveryFileHandle()
    {
        var database = await OpenAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => ClaimsOfAsync(database, $"task-{i}")));
        await new SqlClaimStore(database).TryClaimAsync(NewClaim("a"), head: 0, CancellationToken.None);
        Assert.NotEmpty(OpenHandlesInFolder());

        await database.DisposeAsync();

        Assert.Empty(OpenHandlesInFolder());
    }

    [Fact]
    public async Task Operations_AfterDispose_ThrowObjectDisposed()
    {
        var database = await OpenAsync();
        await database.DisposeAsync();
        database.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => ClaimsOfAsync(database, "a"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => new SqlClaimStore(database).TryClaimAsync(NewClaim("a"), head: 0, CancellationToken.None));
    }
}
