using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Keeper.Host.Devnet;
using Keeper.Host.Http;
using Xunit;

namespace Keeper.Integration.Tests.Host;

/// <summary>The HTTP surface, <c>keeper status</c> and the logs of a running devnet node.</summary>
public sealed partial class RunningNodeTests(RunningNodeFixture node) : IClassFixture<RunningNodeFixture>
{
    [Fact]
    public async Task StatusFileAndLog_NameTheBoundLoopbackAddress()
    {
        Assert.Equal("127.0.0.1", node.Http.Host);
        Assert.NotEqual(0, node.Http.Port);
        Assert.Contains($"Status API, metrics and dashboard at {node.Http}", await WaitForLogAsync("Status API"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthReadyAndApi_ShowTheTrackedDeadline()
    {
        using var http = new HttpClient { BaseAddress = node.Http };

        using var health = await http.GetAsync("/health");
        using var ready = await http.GetAsync("/ready");
        var duties = JsonSerializer.Deserialize<DutiesView>(await http.GetStringAsync("/api/duties"), HttpJson.Options)!;
        var pools = JsonSerializer.Deserialize<PoolsView>(await http.GetStringAsync("/api/pools"), HttpJson.Options)!;
        var members = JsonSerializer.Deserialize<MembersView>(await http.GetStringAsync("/api/members"), HttpJson.Options)!;
        var transactions = JsonSerializer.Deserialize<TransactionsView>(await http.GetStringAsync("/api/transactions"), HttpJson.Options)!;

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var duty = Assert.Single(duties.Duties);
        Assert.Equal((node.TaskKey, node.DueAt, false), (duty.Key, duty.DueAt, duty.Due));
        Assert.Equal((1, 0), (pools.Megapools, pools.Minipools));
        Assert.Equal(node.Megapool.ToString(), Assert.Single(pools.WithDuties).Address);
        Assert.Equal(node.Node.Address, Assert.Single(members.Members).Address);
        Assert.Empty(transactions.Transactions);
    }

    [Fact]
    public async Task Metrics_ExpositionFormatWithTheNodesFigures()
    {
        using var http = new HttpClient { BaseAddress = node.Http };
        var head = await node.Chain.Eth.BlockNumberAsync(CancellationToken.None);

        using var response = await http.GetAsync("/metrics");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains($"keeper_head_block {head}", lines);
        Assert.Contains("keeper_pools_tracked{kind=\"megapool\"} 1", lines);
        Assert.Contains("keeper_duties{state=\"waiting\"} 1", lines);
        Assert.Contains("keeper_ready 1", lines);
        // Per endpoint and method now: the sum over them all.
        var requests = lines.Where(l => l.StartsWith("keeper_rpc_requests_total{", StringComparison.Ordinal)).Sum(l => double.Parse(l.Split(' ')[^1], CultureInfo.InvariantCulture));
        Assert.True(requests > 0);
        // The first endpoint is a closed port, the second anvil: labelled by index and scheme://host:port, credentials and API key left out.
        Assert.Contains("keeper_rpc_endpoint_up{endpoint=\"#0 http://127.0.0.1:1\"} 0", lines);
        Assert.Single(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^keeper_rpc_endpoint_up\{endpoint=""#1 http://127\.0\.0\.1:[0-9]+""\} 1$"));
    }

    [Fact]
    public async Task KeeperStatus_PrintsTheDeadline()
    {
        var (exitCode, output, error) = await RunKeeperAsync("status", "--url", node.Http.ToString());

        Assert.True(exitCode == 0, error);
        Assert.Contains("Pools tracked: 1 megapool(s), 0 minipool(s)", output, StringComparison.Ordinal);
        Assert.Contains($"{Utc(node.DueAt)}  in 27d 23h", output, StringComparison.Ordinal);
        Assert.Contains(node.TaskKey, output, StringComparison.Ordinal);
        // Alone, the node is a cluster of one: itself, Up, taking every turn.
        Assert.Matches($@"\n  0\. {node.Node.Address}  Up  node-1  akka\.tcp://keeper@127\.0\.0\.1:\d+  \(this node\)\r?\n", output);
    }

    [Fact]
    public async Task Dashboard_InHeadlessChromium_ShowsTheDeadline()
    {
        var dom = await Chromium.DumpDomAsync(node.Http, TimeSpan.FromSeconds(60));

        Assert.Contains($"data-key=\"{node.TaskKey}\"", dom, StringComparison.Ordinal);
        Assert.Contains(Utc(node.DueAt), dom, StringComparison.Ordinal);
        Assert.Contains("in 27d 23h", dom, StringComparison.Ordinal);
        // The signer's balance, read from the chain (anvil funds its dev accounts).
        Assert.Matches(@"<dd id=""balance"" class="""">\d+(\.\d+)? ETH at block \d+</dd>", dom);
        // The timeline labels the deadline: what, which pool, when (local time) and in how many blocks.
        Assert.Matches($@"<div class=""label( flip)?"" data-key=""{node.TaskKey}"" [^>]*><b>dissolve #\d+</b> · 0x[0-9a-fA-F]{{4}}…[0-9a-fA-F]{{4}}<br>[^<]+ · in \d+ blocks</div>", dom);
        Assert.Contains(node.Node.Address, dom, StringComparison.Ordinal);
        Assert.Contains("<div id=\"error\" style=\"display: none;\"></div>", dom, StringComparison.Ordinal);
        Assert.Contains("<span id=\"ready\" class=\"badge ok\">ready</span>", dom, StringComparison.Ordinal);
        // Own mode: the operator's prestaked validator must be staked a second before the dissolve duty falls due.
        Assert.Contains("<span id=\"own-summary\" class=\"badge bad\">1 at risk</span>", dom, StringComparison.Ordinal);
        Assert.Contains($"<tr data-key=\"{node.TaskKey}\" class=\"at-risk\"", dom, StringComparison.Ordinal);
        Assert.Contains(Utc(node.DueAt - 1), dom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnApiMetricsAndLog_WarnOfTheOwnStakeDeadline()
    {
        using var http = new HttpClient { BaseAddress = node.Http };

        var own = JsonSerializer.Deserialize<OwnView>(await http.GetStringAsync("/api/own"), HttpJson.Options)!;
        var lines = (await http.GetStringAsync("/metrics")).Split('\n');

        var deadline = Assert.Single(own.Deadlines);
        Assert.Equal((node.TaskKey, "stake", node.Megapool.ToString(), node.DueAt - 1, true), (deadline.Key, deadline.Kind, deadline.Megapool, deadline.Deadline, deadline.AtRisk));
        Assert.Equal(1, own.AtRisk);
        Assert.Contains("keeper_own_validators_at_risk{deadline=\"stake\"} 1", lines);
        Assert.Contains("stake it before", await WaitForLogAsync("is not staked: stake it before"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiOperatorsAndKeeperStatus_ShowTheOwnOperatorsCreditDebtAndRefundAsTheContractsReportThem()
    {
        using var http = new HttpClient { BaseAddress = node.Http };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var view = await OperatorsAsync(http);
        while (view.Operators.Count == 0 || view.Operators[0].Block == 0)
        {
            await Task.Delay(100, timeout.Token);
            view = await OperatorsAsync(http);
        }

        var (exitCode, output, error) = await RunKeeperAsync("status", "--url", node.Http.ToString());

        var own = Assert.Single(view.Operators);
        Assert.Equal(new OperatorView(node.Megapool.ToString(), node.Chain.Keys[5].Address.ToString(), true, "0", "0", "0", own.Block, null), own);
        Assert.True(exitCode == 0, error);
        Assert.Contains($"  {node.Chain.Keys[5].Address}  megapool {node.Megapool}  credit 0.000000  debt 0.000000  refund 0.000000  at #", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogsApiAndDashboard_NeverShowASecret()
    {
        using var http = new HttpClient { BaseAddress = node.Http };
        var answers = string.Concat(await Task.WhenAll(
            new[] { "/", "/api/status", "/api/pools", "/api/duties", "/api/transactions", "/api/members", "/api/operators", "/metrics", "/health", "/ready" }.Select(p => http.GetStringAsync(p))));
        // The dead first endpoint makes the client fail over, and the failure is logged (with the endpoint redacted).
        var log = await WaitForLogAsync("127.0.0.1:1");

        foreach (var secret in node.Secrets)
        {
            Assert.DoesNotContain(secret, log, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, answers, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, File.ReadAllText(node.Node.StatusPath), StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task<OperatorsView> OperatorsAsync(HttpClient http) =>
        JsonSerializer.Deserialize<OperatorsView>(await http.GetStringAsync("/api/operators"), HttpJson.Options)!;

    private async Task<string> WaitForLogAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!node.Log.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(100, timeout.Token);
        }

        return node.Log;
    }

    private static string Utc(ulong seconds) => DateTimeOffset.FromUnixTimeSeconds((long)seconds).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunKeeperAsync(params string[] args)
    {
        var info = NodeProcess.KeeperCommand(args);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
