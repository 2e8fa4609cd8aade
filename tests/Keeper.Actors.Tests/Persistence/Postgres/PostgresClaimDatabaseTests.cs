using System.Net;
using System.Net.Sockets;
using Keeper.Actors.Gate.Claims;
using Keeper.Host.Devnet.Postgres;
using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Testing.Persistence;
using Keeper.Testing.Postgres;
using Npgsql;
using Xunit;

namespace Keeper.Actors.Tests.Persistence.Postgres;

/// <summary>What is particular to <see cref="PostgresClaimDatabase"/>: schema migration, connection options and error reporting.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClaimDatabaseTests(PostgresFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);
    private readonly StoreTestClock _clock = new(T0);

    private PostgresServer Server => fixture.Server;

    private Task<PostgresClaimDatabase> OpenAsync(string connectionString) => OpenAsync(new PostgresClaimDatabaseOptions(SqlStoreLocation.Postgres(connectionString)));

    private Task<PostgresClaimDatabase> OpenAsync(PostgresClaimDatabaseOptions options) =>
        PostgresClaimDatabase.OpenAsync(options, _clock, logger: null, CancellationToken.None);

    private static Claim NewClaim(string taskKey) => new(taskKey, 0, "keeper-a", null, ClaimState.Pending, T0, T0);

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task OpenAsync_FreshDatabase_CreatesOnlyTheClaimTableAndRecordsEachMigration()
    {
        var connectionString = await Server.CreateUniqueDatabaseAsync("fresh");

        await using (var database = await OpenAsync(connectionString))
        {
            Assert.Equal($"127.0.0.1:{Server.Port}/{new NpgsqlConnectionStringBuilder(connectionString).Database}", database.Location);
        }

        Assert.Equal(
            "claim,legacy_journal_import,schema_version",
            await ScalarAsync(connectionString, "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'"));
        Assert.Equal("1,2,3,4,5,6", await ScalarAsync(connectionString, "SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version"));
        Assert.Equal(_clock.GetUtcNow().UtcTicks, await ScalarAsync(connectionString, "SELECT MIN(applied) FROM schema_version"));
    }

    [Fact]
    public async Task OpenAsync_ManyAtOnceOnAFreshDatabase_AllSucceedWithOneSchema()
    {
        var connectionString = await Server.CreateUniqueDatabaseAsync("race");

        var databases = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => OpenAsync(connectionString)))).WaitAsync(TimeSpan.FromSeconds(60));
        try
        {
            await new SqlClaimStore(databases[0]).TryClaimAsync(NewClaim("a"), head: 0, CancellationToken.None);
            var seen = await Task.WhenAll(databases.Select(d => new SqlClaimStore(d).GetAsync("a", CancellationToken.None)));
            Assert.All(seen, claims => Assert.Equal([NewClaim("a")], claims));
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }

        Assert.Equal((long)PostgresSchema.LatestVersion, await ScalarAsync(connectionString, "SELECT COUNT(*) FROM schema_version"));
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

        var options = new PostgresClaimDatabaseOptions(SqlStoreLocation.Postgres($"Host=127.0.0.1;Port={port};Database=keeper;Username=keeper;Password=hunter2-secret"))
        {
            ConnectTimeout = TimeSpan.FromSeconds(1),
        };

        var e = await Assert.ThrowsAsync<StoreException>(() => OpenAsync(options).WaitAsync(TimeSpan.FromSeconds(10)));

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
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => OpenAsync(connectionString));

        Assert.DoesNotContain("hunter2", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_SqliteStore_ThrowsArgumentException()
    {
        var sqlite = new PostgresClaimDatabaseOptions(SqlStoreLocation.Sqlite(Path.Combine(Path.GetTempPath(), "keeper-never-created.db")));

        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => OpenAsync(sqlite));

        Assert.Contains("needs a PostgreSQL store", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(2000.0)]
    public async Task OpenAsync_TimeoutOutOfRange_ThrowsArgumentOutOfRange(double seconds)
    {
        var options = new PostgresClaimDatabaseOptions(SqlStoreLocation.Postgres(Server.ConnectionString("postgres"))) { ConnectTimeout = TimeSpan.FromSeconds(seconds) };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => OpenAsync(options));
    }
}
