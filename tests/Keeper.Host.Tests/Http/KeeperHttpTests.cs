using Keeper.Actors.Submission;
using System.Net;
using System.Text.Json;
using Keeper.Chain.Rpc;
using Keeper.Host.Http;
using Keeper.Host.Node;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Keeper.Host.Tests.Http;

public sealed class KeeperHttpTests
{
    [Fact]
    public async Task StartAsync_PortZero_BindsAFreeLoopbackPort()
    {
        await using var http = await HttpServerFixture.StartAsync();

        Assert.Equal("127.0.0.1", http.Address.Host);
        Assert.NotEqual(0, http.Address.Port);
    }

    [Fact]
    public async Task StartAsync_HostNameNotAnAddress_ThrowsNamingTheKey()
    {
        var ex = await Assert.ThrowsAsync<SettingsException>(() => HttpServerFixture.StartAsync(settings: new HttpSettings("example.org", 0)));

        Assert.Equal("keeper.http.host", ex.Key);
    }

    [Fact]
    public async Task Health_ActorSystemRuns_200Healthy()
    {
        await using var http = await HttpServerFixture.StartAsync();

        var (code, body) = await GetAsync(http, "/health");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("""{"status":"Healthy","reason":"the actor system runs"}""", body);
    }

    [Fact]
    public async Task Health_ActorSystemStopped_503()
    {
        await using var http = await HttpServerFixture.StartAsync(new FakeNodeView { IsAlive = false });

        var (code, body) = await GetAsync(http, "/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("""{"status":"Unhealthy","reason":"the actor system has stopped"}""", body);
    }

    [Fact]
    public async Task Ready_BeforeTheFirstColdStart_503WithReason_WhileHealthIs200()
    {
        var node = new FakeNodeView();
        node.Status = node.Status with { Ready = false };
        await using var http = await HttpServerFixture.StartAsync(node);

        var (code, body) = await GetAsync(http, "/ready");
        var (healthCode, _) = await GetAsync(http, "/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("""{"status":"Unhealthy","reason":"the chain watcher has not finished its first cold start or resume"}""", body);
        Assert.Equal(HttpStatusCode.OK, healthCode);
    }

    [Fact]
    public async Task Ready_StoreUnreachable_503WithReason()
    {
        var node = new FakeNodeView();
        node.Status = node.Status with { StoreReachable = false };
        await using var http = await HttpServerFixture.StartAsync(node);

        var (code, body) = await GetAsync(http, "/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("""{"status":"Unhealthy","reason":"shared store unreachable: the node tracks but submits nothing"}""", body);
    }

    [Fact]
    public async Task Ready_EveryRpcEndpointUnreachable_503NamingThemAndSinceWhen()
    {
        var node = new FakeNodeView
        {
            RpcEndpoints =
            [
                new RpcEndpointStatus(0, "#0 http://127.0.0.1:8545", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), DateTimeOffset.FromUnixTimeSeconds(1_700_000_005), 1),
                new RpcEndpointStatus(1, "#1 https://rpc.example:443", null, DateTimeOffset.FromUnixTimeSeconds(1_700_000_012), 0),
            ],
        };
        await using var http = await HttpServerFixture.StartAsync(node);

        var (code, body) = await GetAsync(http, "/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("""{"status":"Unhealthy","reason":"RPC unreachable since 2023-11-14T22:13:32Z (endpoints #0 http://127.0.0.1:8545, #1 https://rpc.example:443)"}""", body);
    }

    [Fact]
    public async Task Ready_OneOfTwoRpcEndpointsAnswers_200()
    {
        var node = new FakeNodeView
        {
            RpcEndpoints =
            [
                new RpcEndpointStatus(0, "#0 http://127.0.0.1:8545", null, DateTimeOffset.FromUnixTimeSeconds(1_700_000_005), 1),
                new RpcEndpointStatus(1, "#1 https://rpc.example:443", DateTimeOffset.FromUnixTimeSeconds(1_700_000_029), null, 0),
            ],
        };
        await using var http = await HttpServerFixture.StartAsync(node);

        var (code, _) = await GetAsync(http, "/ready");

        Assert.Equal(HttpStatusCode.OK, code);
    }

    [Fact]
    public async Task Ready_WatcherThreeBlocksBehindTheTip_503Syncing_TwoBehindIsReady()
    {
        var node = new FakeNodeView();
        node.Watcher = node.Watcher with { ChainTip = 123 };
        await using var http = await HttpServerFixture.StartAsync(node);

        var (code, body) = await GetAsync(http, "/ready");
        node.Watcher = node.Watcher with { ChainTip = 122 };
        var (codeNearTip, _) = await GetAsync(http, "/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("""{"status":"Unhealthy","reason":"syncing at block 120 of 123"}""", body);
        Assert.Equal(HttpStatusCode.OK, codeNearTip);
    }

    [Fact]
    public async Task Ready_ARegisteredRule_NamedBesideTheBuiltInOnes()
    {
        var node = new FakeNodeView();
        node.Status = node.Status with { StoreReachable = false };
        await using var http = await HttpServerFixture.StartAsync(node, services: s => s.AddSingleton<ReadinessRule>((n, _) => n.Cluster.Members.Count > 2 ? "a rule of this test" : null));

        var (code, body) = await GetAsync(http, "/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal("""{"status":"Unhealthy","reason":"shared store unreachable: the node tracks but submits nothing; a rule of this test"}""", body);
    }

    [Fact]
    public async Task Ready_SignerHoldsNothing_NotReadyNamingTheSignerAndTheFix_ABalanceBelowTheFloorIsStillReady()
    {
        await using var zero = await HttpServerFixture.StartAsync(new FakeNodeView { Balance = FakeNodeView.LowBalance with { State = SignerBalanceState.Zero, Wei = 0 } });
        await using var low = await HttpServerFixture.StartAsync(new FakeNodeView { Balance = FakeNodeView.LowBalance });

        var (code, body) = await GetAsync(zero, "/ready");
        var (lowCode, _) = await GetAsync(low, "/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, code);
        Assert.Equal($$"""{"status":"Unhealthy","reason":"signer balance is zero: {{FakeNodeView.Self}} holds 0 ETH at block 120; send ETH to it"}""", body);
        Assert.Equal(HttpStatusCode.OK, lowCode);
    }

    [Fact]
    public async Task Ready_Synced_200WithHead()
    {
        await using var http = await HttpServerFixture.StartAsync();

        var (code, body) = await GetAsync(http, "/ready");

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("""{"status":"Healthy","reason":"synced at block 120"}""", body);
    }

    [Fact]
    public async Task ApiStatus_NodeStatusWithHeadLag()
    {
        await using var http = await HttpServerFixture.StartAsync();

        var (code, body) = await GetAsync(http, "/api/status");

        Assert.Equal(HttpStatusCode.OK, code);
        var status = JsonSerializer.Deserialize<NodeStatus>(body, HttpJson.Options)!;
        Assert.Equal(http.Node.Status.Members, status.Members);
        Assert.Equal(http.Node.Status.Cluster, status.Cluster);
        Assert.Equal(http.Node.Status with { Members = [], Cluster = [] }, status with { Members = [], Cluster = [] });
        using var json = JsonDocument.Parse(body);
        Assert.Equal(30, json.RootElement.GetProperty("headLagSeconds").GetInt64());
        Assert.Equal(4321, json.RootElement.GetProperty("rpcRequests").GetInt64());
    }

    [Fact]
    public async Task ApiDuties_EarliestFirst_WithSecondsUntilDueAndGateState()
    {
        await using var http = await HttpServerFixture.StartAsync();

        var duties = await GetJsonAsync<DutiesView>(http, "/api/duties");

        Assert.Equal((1_700_000_012UL, 1, 2), (duties.ChainTime!.Value, duties.Due, duties.Waiting));
        Assert.Equal(
            [
                new DutyView("dissolve:minipool:" + FakeNodeView.Minipool.ToLowerHex(), "DissolveMinipool", FakeNodeView.Minipool.ToString(), null, 1_700_000_010, -2, true, null, "0", "in-flight", 1, FakeNodeView.Other.ToString()),
                new DutyView("dissolve:megapool:" + FakeNodeView.Megapool.ToLowerHex() + ":0", "DissolveMegapoolValidator", FakeNodeView.Megapool.ToString(), 0, 1_700_000_112, 100, false, null, "5", null, 10),
                new DutyView("dissolve:megapool:" + FakeNodeView.Megapool.ToLowerHex() + ":1", "DissolveMegapoolValidator", FakeNodeView.Megapool.ToString(), 1, 1_700_003_612, 3600, false, null, "0", null, 301),
            ],
            duties.Duties);
    }

    [Fact]
    public async Task ApiPools_CountsAndPoolsWithDuties()
    {
        await using var http = await HttpServerFixture.StartAsync();

        var pools = await GetJsonAsync<PoolsView>(http, "/api/pools");

        Assert.Equal((3, 2, 4), (pools.Megapools, pools.Minipools, pools.LiveTrackers));
        Assert.Equal(
            [
                new PoolSummary(FakeNodeView.Minipool.ToString(), "minipool", 1, 1, 1_700_000_010),
                new PoolSummary(FakeNodeView.Megapool.ToString(), "megapool", 2, 0, 1_700_000_112),
            ],
            pools.WithDuties);
    }

    [Fact]
    public async Task ApiTransactions_NewestFirst_CountedByState()
    {
        await using var http = await HttpServerFixture.StartAsync();

        var transactions = await GetJsonAsync<TransactionsView>(http, "/api/transactions");

        Assert.Equal(FakeNodeView.Self.ToString(), transactions.Account);
        Assert.Equal([2UL, 1UL, 0UL], transactions.Transactions.Select(t => t.Nonce));
        Assert.Equal(
            new TransactionView("dissolve:minipool:" + FakeNodeView.Minipool.ToLowerHex(), 2, FakeNodeView.Hash(3).ToString(), "Pending", "2500000000", "100000000", null, null, 0),
            transactions.Transactions[0]);
        Assert.Equal(
            new Dictionary<string, int> { ["Created"] = 0, ["Pending"] = 1, ["Succeeded"] = 1, ["Reverted"] = 0, ["Cancelled"] = 1, ["Dropped"] = 0 },
            transactions.ByState);
    }

    [Fact]
    public async Task ApiMembers_GateOrderThenOthers_StatusSelfAndNextTurn()
    {
        await using var http = await HttpServerFixture.StartAsync();

        var members = await GetJsonAsync<MembersView>(http, "/api/members");

        Assert.True(members.StoreReachable);
        Assert.Equal("akka.tcp://keeper@127.0.0.1:4001", members.SelfNode);
        Assert.Equal(
            [
                new MemberView(FakeNodeView.Other.ToString(), 0, false, "node-2", "Up", "akka.tcp://keeper@127.0.0.1:4002", 2.5),
                new MemberView(FakeNodeView.Self.ToString(), 1, true, "node-1", "Up", "akka.tcp://keeper@127.0.0.1:4001", 0),
                new MemberView(FakeNodeView.Gone.ToString(), null, false, "node-3", "Unreachable (Up)", "akka.tcp://keeper@127.0.0.1:4003"),
            ],
            members.Members);
        Assert.Equal(new NextTurnView("dissolve:minipool:" + FakeNodeView.Minipool.ToLowerHex(), 1_700_000_010, FakeNodeView.Other.ToString(), false), members.NextTurn);
    }

    [Fact]
    public async Task ApiOperators_OwnFirst_WeiAsDecimalStrings_NullWhileUnread()
    {
        await using var http = await HttpServerFixture.StartAsync();

        var operators = await GetJsonAsync<OperatorsView>(http, "/api/operators");
        using var json = JsonDocument.Parse((await GetAsync(http, "/api/operators")).Body);

        Assert.Equal(120UL, operators.Head);
        Assert.Equal(
            [
                new OperatorView(FakeNodeView.Megapool.ToString(), FakeNodeView.Self.ToString(), true, "0", "50000000000000000", "3000000000000000000", 118, null),
                new OperatorView(FakeNodeView.OtherMegapool.ToString(), FakeNodeView.Other.ToString(), false, "4000000000000000000", "0", "0", 118, null),
                new OperatorView(FakeNodeView.Minipool.ToString(), null, false, null, null, null, 0, null),
            ],
            operators.Operators);
        Assert.Equal(
            ["megapool", "node", "own", "creditWei", "debtWei", "refundWei", "block", "problem"],
            json.RootElement.GetProperty("operators")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Dashboard_SelfContainedPageThatPollsTheApi()
    {
        await using var http = await HttpServerFixture.StartAsync();

        using var response = await http.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("/api/duties", html, StringComparison.Ordinal);
        Assert.Contains("id=\"deadlines\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", html, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Code, string Body)> GetAsync(HttpServerFixture http, string path)
    {
        using var response = await http.Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<T> GetJsonAsync<T>(HttpServerFixture http, string path)
    {
        var (code, body) = await GetAsync(http, path);
        Assert.True(code == HttpStatusCode.OK, $"GET {path}: {code} {body}");
        return JsonSerializer.Deserialize<T>(body, HttpJson.Options)!;
    }
}
