using System.Net;
using System.Net.Sockets;
using Keeper.Host.Devnet.Postgres;
using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Testing.Persistence;
using Keeper.Testing.Postgres;
using Npgsql;
using Xunit;

namespace Keeper.Actors.Tests.Persistence.Postgres;

/// <summary>What is particular to <see cref="PostgresStore"/>: schema migration, connection options and error reporting.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresFixture fixture)
{
    private readonly StoreTestClock _clock = new(new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero));

    private PostgresServer Server => fixture.Server;

    private Task<PostgresStore> OpenAsync(string connectionString) =>
        PostgresStore.OpenAsync(new PostgresStoreOptions(connectionString), _clock, logger: null, CancellationToken.None);

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task OpenAsync_FreshDatabase_CreatesEveryTableAndRecordsEachMigration()
    {
        var connectionString = await Server.CreateUniqueDatabaseAsync("fresh");

        await using (var store = await OpenAsync(connectionString))
        {
            Assert.Equal($"127.0.0.1:{Server.Port}/{new NpgsqlConnectionStringBuilder(connectionString).Database}", store.Location);
        }

        Assert.Equal(
            "claim,journal,journal_metadata,membership,membership_version,schema_version,snapshot",
            await ScalarAsync(connectionString, "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'"));
        Assert.Equal("1,2,3", await ScalarAsync(connectionString, "SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version"));
        Assert.Equal(_clock.GetUtcNow().UtcTicks, await ScalarAsync(connectionString, "SELECT MIN(applied) FROM schema_version"));
    }

    [Fact]
    public async Task OpenAsync_ManyAtOnceOnAFreshDatabase_AllSucceedWithOneSchema()
    {
        var connectionString = await Server.CreateUniqueDatabaseAsync("race");

        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => OpenAsync(connectionString)))).WaitAsync(TimeSpan.FromSeconds(60));
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

        Assert.Equal(3L, await ScalarAsync(connectionString, "SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task OpenAsync_SchemaFromANewerKeeper_ThrowsSchemaTooNew()
    {
        var connectionString = await Server.CreateUniqueDatabaseAsync("future");
        await (await OpenAsync(connectionString)).DisposeAsync();
        await ScalarAsync(connectionString, "INSERT INTO schema_version (version, applied, description) VALUES (99, 0, 'future')");

        var e = await Assert.ThrowsAsync<StoreException>(() => OpenAsync(connectionString));

        Assert.Equal(StoreErrorKind.SchemaTooNew, e.Kind);
        Assert.Contains("99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_MissingDatabase_ThrowsCannotOpenNamingIt()
    {
        var e = await Assert.ThrowsAsync<StoreException>(() => OpenAsync(Server.ConnectionString("no_such_database")));

        Assert.Equal(StoreErrorKind.CannotOpen, e.Kind);
        Assert.Equal($"127.0.0.1:{Server.Port}/no_such_database", e.Location);
    }

    [Fact]
    public async Task OpenAsync_NothingListening_ThrowsUnavailableQuicklyWithoutThePassword()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var options = new PostgresStoreOptions($"Host=127.0.0.1;Port={port};Database=keeper;Username=keeper;Password=hunter2-secret")
        {
            ConnectTimeout = TimeSpan.FromSeconds(1),
        };

        var e = await Assert.ThrowsAsync<StoreException>(
            () => PostgresStore.OpenAsync(options, _clock, logger: null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(StoreErrorKind.Unavailable, e.Kind);
        Assert.Equal($"127.0.0.1:{port}/keeper", e.Location);
        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Port=5432;Database=keeper")]
    [InlineData("this is not a connection string;Password=hunter2-secret")]
    public async Task OpenAsync_BadConnectionString_ThrowsArgumentExceptionWithoutThePassword(string connectionString)
    {
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(
            () => PostgresStore.OpenAsync(new PostgresStoreOptions(connectionString), _clock, logger: null, CancellationToken.None));

        Assert.DoesNotContain("hunter2", e.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(2000.0)]
    public async Task OpenAsync_TimeoutOutOfRange_ThrowsArgumentOutOfRange(double seconds)
    {
        var options = new PostgresStoreOptions(Server.ConnectionString("postgres")) { ConnectTimeout = TimeSpan.FromSeconds(seconds) };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PostgresStore.OpenAsync(options, _clock, logger: null, CancellationToken.None));
    }
}
