using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Chain.Primitives;
using Keeper.Host.Cli;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Keeper.Host.Tests.Cli;

/// <summary><c>keeper report</c> through the CLI entry, on a real SQLite store file whose claims the real claim store wrote.</summary>
public sealed class ReportCommandTests : IDisposable
{
    internal const string Header = "time,task_key,kind,pool,member,window,tx_hash,block,gas_used,effective_gas_price_wei,fee_wei,fee_eth,state,currency\r\n";
    internal static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    internal static readonly string Megapool = "0x1111111111111111111111111111111111111111";
    internal static readonly string Minipool = "0x2222222222222222222222222222222222222222";
    private readonly string _dir = Directory.CreateTempSubdirectory("keeper-report-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Report_ClaimsOfTwoMembers_CsvSortedByTimeWithGasAndFees()
    {
        var store = Path.Combine(_dir, "keeper.db");
        await using (var database = await SqliteClaimDatabase.OpenAsync(new SqliteClaimDatabaseOptions(SqlStoreLocation.Sqlite(store)), TimeProvider.System, null, CancellationToken.None))
        {
            await WriteClaimsAsync(new SqlClaimStore(database));
        }

        var csv = Path.Combine(_dir, "out", "report.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(csv)!);
        var (exitCode, output, error) = await CliRunner.RunAsync("report", "--config", Config($"store.path = \"{store}\""), "--since", "2026-12-01", "--out", csv);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal(ExpectedCsv, await File.ReadAllTextAsync(csv));
        Assert.Equal($"keeper report: 3 action(s) from 2026-12-01T00:00:00.000Z, 2 mined, 0.000215202000428638 ETH in fees, written to {csv}.\n", error.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.False(File.Exists(csv + ".partial"));

        var (untilExit, untilOutput, _) = await CliRunner.RunAsync(
            "report", "--config", Config($"store.path = \"{store}\""), "--since", "2026-12-01T10:00:30Z", "--until", "2026-12-01T10:02:00+00:00");
        Assert.Equal(ExitCodes.Ok, untilExit);
        Assert.Equal(Header + ExpectedCsv.Split("\r\n")[2] + "\r\n", untilOutput);
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--since", "2026-13-01")]
    [InlineData("--since", "12/01/2026")]
    [InlineData("--until", "2026-12")]
    public async Task Report_BadDate_ExitsBadInputNamingTheArgumentAndTheFormats(string argument, string value)
    {
        var args = argument == "--since"
            ? new[] { "report", "--config", Config(string.Empty), "--since", value }
            : ["report", "--config", Config(string.Empty), "--since", "2026-12-01", "--until", value];

        var (exitCode, output, error) = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith($"keeper report: {argument} '{value}' is not an ISO 8601 date (2026-12-06, midnight UTC) or date-time", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UntilBeforeSince_ExitsBadInput()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("report", "--config", Config(string.Empty), "--since", "2026-12-02", "--until", "2026-12-01");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith("keeper report: --until 2026-12-01T00:00:00.000Z is before --since 2026-12-02T00:00:00.000Z", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_StoreFileMissing_ExitsBadInputNamingThePathAndCreatesNothing()
    {
        var store = Path.Combine(_dir, "missing.db");

        var (exitCode, _, error) = await CliRunner.RunAsync("report", "--config", Config($"store.path = \"{store}\""), "--since", "2026-12-01");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains($"the store file {store} (keeper.store.path) does not exist", error, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Field_Rfc4180_QuotesOnlyWhatNeedsIt(string? value, string expected) => Assert.Equal(expected, HistoryCsv.Field(value));

    /// <summary>The rows <see cref="WriteClaimsAsync"/> leads to, sorted by time.</summary>
    internal static string ExpectedCsv => Header
        + $"2026-12-01T10:00:05.000Z,dissolve:minipool:{Minipool},dissolve:minipool,{Minipool},keeper-b,3,,,,,,,failed,ETH\r\n"
        + $"2026-12-01T10:01:00.000Z,dissolve:megapool:{Megapool}:7,dissolve:megapool,{Megapool},keeper-a,0,{Tx(1)},120,61234,3000000007,183702000428638,0.000183702000428638,mined,ETH\r\n"
        + $"2026-12-01T10:03:00.000Z,\"odd,key\",\"odd,key\",,keeper-b,0,{Tx(2)},130,21000,1500000000,31500000000000,0.0000315,abandoned,ETH\r\n";

    /// <summary>Three claims as the gate writes them: keeper-a's action mined, keeper-b's failed, and keeper-b's cancelled by a self-transfer.</summary>
    internal static async Task WriteClaimsAsync(IClaimStore claims)
    {
        var mined = $"dissolve:megapool:{Megapool}:7";
        var failed = $"dissolve:minipool:{Minipool}";
        await claims.TryClaimAsync(new Claim(mined, 0, "keeper-a", null, ClaimState.Pending, T0 + TimeSpan.FromSeconds(50), T0 + TimeSpan.FromSeconds(50)), 100, CancellationToken.None);
        await claims.UpdateAsync(mined, 0, "keeper-a", ClaimState.Pending, Tx(1), null, T0 + TimeSpan.FromMinutes(1), CancellationToken.None);
        await claims.UpdateAsync(mined, 0, "keeper-a", ClaimState.Mined, Tx(1), 184, new ClaimReceipt(120, 61_234, 3_000_000_007), T0 + TimeSpan.FromMinutes(2), CancellationToken.None);
        await claims.TryClaimAsync(new Claim(failed, 3, "keeper-b", null, ClaimState.Pending, T0 + TimeSpan.FromSeconds(5), T0 + TimeSpan.FromSeconds(5)), 100, CancellationToken.None);
        await claims.UpdateAsync(failed, 3, "keeper-b", ClaimState.Failed, null, null, T0 + TimeSpan.FromSeconds(6), CancellationToken.None);
        await claims.TryClaimAsync(new Claim("odd,key", 0, "keeper-b", null, ClaimState.Pending, T0 + TimeSpan.FromMinutes(3), T0 + TimeSpan.FromMinutes(3)), 100, CancellationToken.None);
        await claims.UpdateAsync("odd,key", 0, "keeper-b", ClaimState.Pending, Tx(2), null, T0 + TimeSpan.FromMinutes(3), CancellationToken.None);
        await claims.UpdateAsync("odd,key", 0, "keeper-b", ClaimState.Abandoned, Tx(2), null, new ClaimReceipt(130, 21_000, 1_500_000_000), T0 + TimeSpan.FromMinutes(4), CancellationToken.None);
    }

    internal static Hash32 Tx(byte fill) => new(Enumerable.Repeat(fill, Hash32.Size).ToArray());

    internal string Config(string extra)
    {
        var path = Path.Combine(_dir, $"node-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, $$"""
            keeper {
              rocketpool.storage = "0x1d8f8f00cfa6758d7be78336684788fb0ee0fa46"
              signer { keystore = "{{Path.Combine(_dir, "keystore.json")}}", password-file = "{{Path.Combine(_dir, "password")}}" }
              chain.rpc = ["http://127.0.0.1:1"]
              {{extra}}
            }
            """);
        return path;
    }
}
