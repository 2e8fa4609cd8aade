using Keeper.Actors.Persistence;
using Keeper.Testing.Persistence;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Keeper.Actors.Tests.Persistence;

/// <summary>What only the SQLite store does: file set-up, schema versions, locking and error messages.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempStoreFolder _folder = new();
    private readonly StoreTestClock _clock = new(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private Task<SqliteStore> OpenAsync(string? path = null, TimeSpan? busyTimeout = null) =>
        SqliteStore.OpenAsync(
            new SqliteStoreOptions(path ?? _folder.StorePath) { BusyTimeout = busyTimeout ?? SqliteStoreOptions.DefaultBusyTimeout },
            _clock,
            logger: null,
            CancellationToken.None);

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

    [Fact]
    public async Task OpenAsync_NewFileInMissingFolder_CreatesFolderWalFileAndSchema()
    {
        var path = Path.Combine(_folder.Folder, "nested", "deeper", "keeper.db");

        await using (var store = await OpenAsync(path))
        {
            Assert.Equal(path, store.Path);
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal((long)SqliteSchema.LatestVersion, Scalar(connection, "SELECT MAX(version) FROM schema_version"));
        Assert.Equal(_clock.GetUtcNow().UtcTicks, Scalar(connection, "SELECT applied FROM schema_version WHERE version = 1"));
        Assert.Equal(
            "claim,journal,journal_metadata,membership,membership_version,schema_version,snapshot",
            Scalar(connection, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name)"));
    }

    [Fact]
    public async Task OpenAsync_Repeatedly_AppliesEachMigrationOnce()
    {
        for (var i = 0; i < 3; i++)
        {
            await using var store = await OpenAsync();
        }

        using var connection = RawConnection();
        Assert.Equal((long)SqliteSchema.Migrations.Count, Scalar(connection, "SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task OpenAsync_ManyAtOnceOnAFreshFile_AllSucceedWithOneSchema()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => OpenAsync()))).WaitAsync(TimeSpan.FromSeconds(60));
        try
        {
            await stores[0].WriteAsync([new JournalEntry("a", 1, "M", [1])], CancellationToken.None);
            Assert.All(await Task.WhenAll(stores.Select(s => s.HighestSequenceNrAsync("a", CancellationToken.None))), h => Assert.Equal(1, h));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
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
    }

    [Fact]
    public async Task WriteAsync_FileLockedByAnotherWriterPastBusyTimeout_ThrowsLockedAndReadsStillWork()
    {
        await using var store = await OpenAsync(busyTimeout: TimeSpan.FromMilliseconds(200));
        await store.WriteAsync([new JournalEntry("a", 1, "M", [1])], CancellationToken.None);
        using var holder = RawConnection();
        using var lockTransaction = holder.BeginTransaction(deferred: false);
        using (var insert = holder.CreateCommand())
        {
            insert.Transaction = lockTransaction;
            insert.CommandText = "INSERT INTO journal_metadata (persistence_id, sequence_nr) VALUES ('holder', 1)";
            insert.ExecuteNonQuery();
        }

        var e = await Assert.ThrowsAsync<StoreException>(() => store.WriteAsync([new JournalEntry("a", 2, "M", [2])], CancellationToken.None));

        Assert.Equal(StoreErrorKind.Locked, e.Kind);
        Assert.Contains($"The store file {_folder.StorePath} is locked by another process for more than 0.2 s", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, await store.HighestSequenceNrAsync("a", CancellationToken.None));
        lockTransaction.Rollback();
        await store.WriteAsync([new JournalEntry("a", 2, "M", [2])], CancellationToken.None);
        Assert.Equal(2, await store.HighestSequenceNrAsync("a", CancellationToken.None));
    }

    [Fact]
    public async Task DisposeAsync_AfterUse_ReleasesEveryFileHandle()
    {
        var store = await OpenAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => store.ReadAllAsync(i, 10, CancellationToken.None)));
        await store.WriteAsync([new JournalEntry("a", 1, "M", [1])], CancellationToken.None);
        Assert.NotEmpty(OpenHandlesInFolder());

        await store.DisposeAsync();

        Assert.Empty(OpenHandlesInFolder());
    }

    [Fact]
    public async Task Operations_AfterDispose_ThrowObjectDisposed()
    {
        var store = await OpenAsync();
        await store.DisposeAsync();
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.HighestSequenceNrAsync("a", CancellationToken.None));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.WriteAsync([new JournalEntry("a", 1, "M", [1])], CancellationToken.None));
    }
}
