using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Host.Cli;
using Keeper.Testing.Postgres;
using Xunit;

namespace Keeper.Host.Tests.Cli;

/// <summary><c>keeper report</c> on a cluster's store: a real PostgreSQL server whose claims the real claim store wrote.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReportCommandPostgresTests(PostgresFixture fixture) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("keeper-report-pg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Report_PostgresStore_SameCsvAsOnSqlite()
    {
        var connectionString = await fixture.Server.CreateUniqueDatabaseAsync("report");
        await using (var database = await PostgresClaimDatabase.OpenAsync(
            new PostgresClaimDatabaseOptions(SqlStoreLocation.Postgres(connectionString)), TimeProvider.System, null, CancellationToken.None))
        {
            await ReportCommandTests.WriteClaimsAsync(new SqlClaimStore(database));
        }

        var config = Path.Combine(_dir, "node.conf");
        await File.WriteAllTextAsync(config, $$"""
            keeper {
              rocketpool.storage = "0x1d8f8f00cfa6758d7be78336684788fb0ee0fa46"
              signer { keystore = "{{Path.Combine(_dir, "keystore.json")}}", password-file = "{{Path.Combine(_dir, "password")}}" }
              chain.rpc = ["http://127.0.0.1:1"]
              store { kind = postgres, connection-string = "{{connectionString}}" }
            }
            """);

        var (exitCode, output, error) = await CliRunner.RunAsync("report", "--config", config, "--since", "2026-12-01T00:00:00Z");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(ReportCommandTests.ExpectedCsv, output);
        Assert.StartsWith("keeper report: 3 action(s)", error, StringComparison.Ordinal);
    }
}
