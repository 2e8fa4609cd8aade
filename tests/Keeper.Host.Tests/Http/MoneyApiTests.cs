using System.Net;
using System.Text.Json;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Actors.Submission;
using Keeper.Host.Http;
using Keeper.Host.Tests.Cli;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Keeper.Host.Tests.Http;

/// <summary><c>/api/balance</c> and <c>/api/history</c>; the history is read from a real SQLite claim store.</summary>
public sealed class MoneyApiTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("keeper-money-api-").FullName;
    private SqliteClaimDatabase? _database;

    public async Task InitializeAsync()
    {
        _database = await SqliteClaimDatabase.OpenAsync(
            new SqliteClaimDatabaseOptions(SqlStoreLocation.Sqlite(Path.Combine(_dir, "keeper.db"))), TimeProvider.System, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _database!.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Balance_BelowFloor_StateWeiEthFloorAndNoReadinessReason()
    {
        await using var http = await HttpServerFixture.StartAsync(new FakeNodeView { Balance = FakeNodeView.LowBalance });

        var (code, body) = await GetAsync(http, "/api/balance");

        Assert.Equal(HttpStatusCode.OK, code);
        var view = JsonSerializer.Deserialize<SignerBalanceView>(body, HttpJson.Options)!;
        Assert.Equal(
            new SignerBalanceView(FakeNodeView.Self.ToString(), "BelowFloor", "40000000000000000", "0.04", 120, DateTimeOffset.FromUnixTimeSeconds(1_700_000_001), "50000000000000000", "0.05", null),
            view);
    }

    [Fact]
    public async Task Balance_Zero_CarriesTheNotReadyReason()
    {
        var node = new FakeNodeView { Balance = FakeNodeView.LowBalance with { State = SignerBalanceState.Zero, Wei = 0 } };
        await using var http = await HttpServerFixture.StartAsync(node);

        var view = JsonSerializer.Deserialize<SignerBalanceView>((await GetAsync(http, "/api/balance")).Body, HttpJson.Options)!;

        Assert.Equal($"signer balance is zero: {FakeNodeView.Self} holds 0 ETH at block 120; send ETH to it", view.NotReadyReason);
    }

    [Fact]
    public async Task History_EveryMembersClaimsFromTheStore_WithCostAndTotal()
    {
        await ReportCommandTests.WriteClaimsAsync(new SqlClaimStore(_database!));
        await using var http = await HttpServerFixture.StartAsync(new FakeNodeView { Claims = new SqlClaimStore(_database!) });

        var (code, body) = await GetAsync(http, "/api/history?since=2026-12-01&limit=2");

        Assert.Equal(HttpStatusCode.OK, code);
        var view = JsonSerializer.Deserialize<HistoryView>(body, HttpJson.Options)!;
        Assert.Equal((ReportCommandTests.T0 - TimeSpan.FromHours(10), (DateTimeOffset?)null, 2, true), (view.Since, view.Until, view.Limit, view.Truncated));
        Assert.Equal(["keeper-b", "keeper-a"], view.Entries.Select(e => e.Member));
        var mined = view.Entries[1];
        Assert.Equal(
            ("dissolve:megapool", ReportCommandTests.Megapool, "mined", ReportCommandTests.Tx(1).ToString(), (ulong?)120, (ulong?)61_234, "3000000007", "183702000428638", "0.000183702000428638"),
            (mined.Kind, mined.Pool, mined.State, mined.TxHash, mined.Block, mined.GasUsed, mined.EffectiveGasPriceWei, mined.FeeWei, mined.FeeEth));
        Assert.Equal(ReportCommandTests.T0 + TimeSpan.FromMinutes(1), mined.SentAt);
        Assert.Equal(("183702000428638", "0.000183702000428638"), (view.FeeWei, view.FeeEth));
    }

    [Fact]
    public async Task History_AGoGoPoolAction_PaidInAvaxAndSummedApartFromEth()
    {
        var store = new SqlClaimStore(_database!);
        await ReportCommandTests.WriteClaimsAsync(store);
        var cycle = "start-rewards-cycle:gogopool:0x00000000000000000000000000000000000000d1:4";
        var at = ReportCommandTests.T0 + TimeSpan.FromMinutes(5);
        await store.TryClaimAsync(new Claim(cycle, 0, "keeper-a", null, ClaimState.Pending, at, at), 100, CancellationToken.None);
        await store.UpdateAsync(cycle, 0, "keeper-a", ClaimState.Pending, ReportCommandTests.Tx(3), null, at, CancellationToken.None);
        await store.UpdateAsync(cycle, 0, "keeper-a", ClaimState.Mined, ReportCommandTests.Tx(3), 140, new ClaimReceipt(7, 100_000, 25_000_000_000), at + TimeSpan.FromSeconds(2), CancellationToken.None);
        await using var http = await HttpServerFixture.StartAsync(new FakeNodeView { Claims = store });

        var view = JsonSerializer.Deserialize<HistoryView>((await GetAsync(http, "/api/history?since=2026-12-01")).Body, HttpJson.Options)!;

        var start = Assert.Single(view.Entries, e => e.TaskKey == cycle);
        Assert.Equal(("start-rewards-cycle:gogopool", "AVAX", "2500000000000000", "0.0025"), (start.Kind, start.Currency, start.FeeWei, start.FeeEth));
        Assert.All(view.Entries.Where(e => e.TaskKey != cycle), e => Assert.Equal("ETH", e.Currency));
        // The ETH total is the Rocket Pool actions' alone; the AVAX total GoGoPool's.
        Assert.Equal(("215202000428638", "2500000000000000", "0.0025"), (view.FeeWei, view.FeeAvaxWei, view.FeeAvax));
    }

    [Theory]
    [InlineData("/api/history?since=last-week", "since 'last-week' is not an ISO 8601 date")]
    [InlineData("/api/history?since=2026-12-02&until=2026-12-01", "until (2026-12-01T00:00:00.0000000+00:00) is before since")]
    [InlineData("/api/history?limit=0", "limit 0 is out of range; use 1 to 10000")]
    public async Task History_BadQuery_400NamingTheParameter(string path, string expected)
    {
        await using var http = await HttpServerFixture.StartAsync();

        var (code, body) = await GetAsync(http, path);

        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains(expected, JsonDocument.Parse(body).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Code, string Body)> GetAsync(HttpServerFixture http, string path)
    {
        using var response = await http.Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
