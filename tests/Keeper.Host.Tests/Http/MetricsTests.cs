using Keeper.Actors.Submission;
using System.Globalization;
using Keeper.Actors.Tracking;
using Keeper.Chain.Rpc;
using Keeper.Host.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Keeper.Host.Tests.Http;

public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_PrometheusTextFormat_EveryFamilyWithHelpTypeAndSamples()
    {
        var node = new FakeNodeView();
        node.Gate = node.Gate with { NotSent = new Dictionary<string, long> { ["WouldRevert"] = 3, ["Rejected"] = 1 } };
        await using var http = await HttpServerFixture.StartAsync(node);
        var rpc = http.Services.GetRequiredService<IRpcObserver>();
        rpc.Attempted(new RpcAttempt(0, "#0 http://127.0.0.1:8545", "eth_blockNumber", TimeSpan.FromMilliseconds(12), RpcAttemptOutcome.Answered));
        rpc.Attempted(new RpcAttempt(0, "#0 http://127.0.0.1:8545", "eth_blockNumber", TimeSpan.FromSeconds(10), RpcAttemptOutcome.Timeout));
        rpc.Attempted(new RpcAttempt(0, "#0 http://127.0.0.1:8545", FailoverClient.BatchMethod, TimeSpan.FromMilliseconds(40), RpcAttemptOutcome.Answered));

        using var response = await http.Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(NodeMetrics.ContentType, response.Content.Headers.ContentType!.ToString());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.Split('\n')[..^1];
        const string Endpoint = "endpoint=\"#0 http://127.0.0.1:8545\"";
        string[] expected =
        [
            "# TYPE keeper_ready gauge", "keeper_ready 1",
            "# TYPE keeper_head_block gauge", "keeper_head_block 120",
            "# TYPE keeper_head_timestamp_seconds gauge", "keeper_head_timestamp_seconds 1700000000",
            "# TYPE keeper_head_lag_seconds gauge", "keeper_head_lag_seconds 30",
            "# TYPE keeper_chain_tip_block gauge", "keeper_chain_tip_block 120",
            "# TYPE keeper_last_poll_timestamp_seconds gauge", "keeper_last_poll_timestamp_seconds 1700000029",
            "# TYPE keeper_pools_tracked gauge", "keeper_pools_tracked{kind=\"megapool\"} 3", "keeper_pools_tracked{kind=\"minipool\"} 2",
            "# TYPE keeper_trackers_live gauge", "keeper_trackers_live 4",
            "# TYPE keeper_duties gauge", "keeper_duties{state=\"due\"} 1", "keeper_duties{state=\"waiting\"} 2",
            "# TYPE keeper_next_deadline_timestamp_seconds gauge", "keeper_next_deadline_timestamp_seconds 1700000112",
            "# TYPE keeper_transactions gauge", "keeper_transactions{state=\"pending\"} 1", "keeper_transactions{state=\"succeeded\"} 1",
            "keeper_transactions{state=\"cancelled\"} 1", "keeper_transactions{state=\"reverted\"} 0",
            "# TYPE keeper_oldest_pending_transaction_age_seconds gauge", "keeper_oldest_pending_transaction_age_seconds 30",
            "# TYPE keeper_gas_used_total counter", "keeper_gas_used_total 71000",
            "# TYPE keeper_gas_spent_wei_total counter",
            "# TYPE keeper_send_failures_total counter", "keeper_send_failures_total{reason=\"WouldRevert\"} 3", "keeper_send_failures_total{reason=\"Rejected\"} 1",
            "# TYPE keeper_rpc_requests_total counter", $"keeper_rpc_requests_total{{{Endpoint},method=\"eth_blockNumber\"}} 2", $"keeper_rpc_requests_total{{{Endpoint},method=\"batch\"}} 1",
            "# TYPE keeper_rpc_errors_total counter", $"keeper_rpc_errors_total{{{Endpoint},method=\"eth_blockNumber\",kind=\"timeout\"}} 1",
            "# TYPE keeper_rpc_request_duration_seconds histogram", $"keeper_rpc_request_duration_seconds_count{{{Endpoint},method=\"eth_blockNumber\"}} 2",
            "# TYPE keeper_rpc_endpoint_up gauge", $"keeper_rpc_endpoint_up{{{Endpoint}}} 1",
            "# TYPE keeper_gate_turns_total counter", "keeper_gate_turns_total 7",
            "# TYPE keeper_gate_claims_total counter", "keeper_gate_claims_total 2",
            "# TYPE keeper_gate_succeeded_total counter", "keeper_gate_succeeded_total 1",
            "# TYPE keeper_cluster_members gauge", "keeper_cluster_members 2",
            "# TYPE keeper_store_reachable gauge", "keeper_store_reachable 1",
            "# TYPE keeper_build_info gauge",
            "# TYPE process_cpu_seconds_total counter", "# TYPE dotnet_total_memory_bytes gauge",
        ];
        foreach (var line in expected)
        {
            Assert.Contains(line, lines);
        }

        // Wei in base units: the fees of the two mined transactions, as the submitter journaled them from their receipts.
        var spent = lines.Single(l => l.StartsWith("keeper_gas_spent_wei_total ", StringComparison.Ordinal));
        Assert.Equal((50_000.0 * 1_500_000_000) + (21_000.0 * 2_000_000_000), double.Parse(spent.Split(' ')[1], CultureInfo.InvariantCulture));
        Assert.Matches(@"^keeper_build_info\{version=""[^""]+"",commit=""[^""]*"",runtime=""\.NET [^""]+""\} 1$", lines.Single(l => l.StartsWith("keeper_build_info{", StringComparison.Ordinal)));
        // No balance is read yet: the series is absent, not a misleading 0.
        Assert.DoesNotContain(lines, l => l.StartsWith("keeper_signer_balance_wei ", StringComparison.Ordinal));

        // Every line is a comment or a sample "name{labels} value", every family's HELP comes right before its TYPE, and
        // every counter's name ends in _total.
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var name = lines[i].Split(' ')[2];
                Assert.StartsWith("# HELP " + name + " ", lines[i - 1], StringComparison.Ordinal);
                Assert.True(lines[i].Split(' ')[3] != "counter" || name.EndsWith("_total", StringComparison.Ordinal), $"{name} is a counter without _total");
            }
            else if (!lines[i].StartsWith("# HELP ", StringComparison.Ordinal))
            {
                Assert.Matches(@"^[a-z_]+(\{[a-z]+=""[^""]*""(,[a-z]+=""[^""]*"")*\})? (-?[0-9.]+(e[+-][0-9]+)?|\+Inf|NaN)$", lines[i]);
            }
        }
    }

    [Fact]
    public async Task AlertRules_EverySeriesTheyReadIsExported()
    {
        var node = new FakeNodeView { Balance = FakeNodeView.LowBalance };
        node.Gate = node.Gate with { NotSent = new Dictionary<string, long> { ["InsufficientFunds"] = 1 } };
        await using var http = await HttpServerFixture.StartAsync(node);
        http.Services.GetRequiredService<IRpcObserver>().Attempted(
            new RpcAttempt(0, "#0 http://127.0.0.1:8545", "eth_call", TimeSpan.FromSeconds(2), RpcAttemptOutcome.Timeout));
        var rules = await File.ReadAllTextAsync(Path.Combine(Keeper.Host.Devnet.DevChainPaths.Root, "docs", "alerts.yml"));

        var text = await http.Client.GetStringAsync("/metrics");

        var read = System.Text.RegularExpressions.Regex.Matches(rules, @"\bkeeper_[a-z_]+").Select(m => m.Value).Distinct().ToArray();
        Assert.NotEmpty(read);
        Assert.All(read, series => Assert.True(text.Contains($"\n# TYPE {series} ", StringComparison.Ordinal), $"docs/alerts.yml reads {series}, which /metrics does not export"));
    }

    [Fact]
    public async Task Metrics_SignerBalanceKnown_InWei()
    {
        var node = new FakeNodeView { Balance = FakeNodeView.LowBalance with { State = SignerBalanceState.Ok, Wei = 2_000_000_000_000_000_000 } };
        await using var http = await HttpServerFixture.StartAsync(node);

        var text = await http.Client.GetStringAsync("/metrics");

        Assert.Contains("\nkeeper_signer_balance_wei 2e+18\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_RpcEndpointUnreachable_Down()
    {
        var node = new FakeNodeView
        {
            RpcEndpoints = [new RpcEndpointStatus(0, "#0 http://127.0.0.1:8545", null, DateTimeOffset.FromUnixTimeSeconds(1_700_000_010), 1)],
        };
        await using var http = await HttpServerFixture.StartAsync(node);

        var text = await http.Client.GetStringAsync("/metrics");

        Assert.Contains("\nkeeper_rpc_endpoint_up{endpoint=\"#0 http://127.0.0.1:8545\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("\nkeeper_ready 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_BeforeTheFirstHead_NoLagSample()
    {
        var node = new FakeNodeView();
        node.Status = node.Status with { Ready = false };
        await using var http = await HttpServerFixture.StartAsync(node);

        var text = await http.Client.GetStringAsync("/metrics");

        Assert.Contains("# TYPE keeper_head_lag_seconds gauge\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nkeeper_head_lag_seconds ", text, StringComparison.Ordinal);
        Assert.Contains("\nkeeper_ready 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnDeadlines_OneStakeInsideItsLeadTime_CountedAndTheNearestDeadlineInSecondsAlsoInTheApi()
    {
        var node = new FakeNodeView();
        var stake = new OwnDeadline("dissolve:megapool:a:1", OwnDeadlineKind.Stake, FakeNodeView.Megapool, 1, 1_700_050_000);
        var notify = new OwnDeadline("notify-exit:megapool:a:2", OwnDeadlineKind.NotifyExit, FakeNodeView.Megapool, 2, 1_700_100_000);
        node.Own = OwnStatus.At(1_700_000_000, [stake, notify], new OwnWarningOptions(TimeSpan.FromDays(1), TimeSpan.FromHours(1)));
        await using var http = await HttpServerFixture.StartAsync(node);

        var text = await http.Client.GetStringAsync("/metrics");
        var api = System.Text.Json.JsonDocument.Parse(await http.Client.GetStringAsync("/api/own")).RootElement;

        Assert.Contains("\nkeeper_own_validators_at_risk{deadline=\"stake\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("\nkeeper_own_validators_at_risk{deadline=\"notify\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("\nkeeper_own_deadline_seconds 50000\n", text, StringComparison.Ordinal);
        Assert.Equal(1, api.GetProperty("atRisk").GetInt32());
        var first = api.GetProperty("deadlines")[0];
        Assert.Equal(("stake", true, 50_000L, 1_700_050_000UL - 86_400), (first.GetProperty("kind").GetString(), first.GetProperty("atRisk").GetBoolean(), first.GetProperty("secondsLeft").GetInt64(), first.GetProperty("warnFrom").GetUInt64()));
        Assert.Equal("notify-exit", api.GetProperty("deadlines")[1].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task OwnDeadlines_None_NoNearestSample()
    {
        await using var http = await HttpServerFixture.StartAsync(new FakeNodeView());

        var text = await http.Client.GetStringAsync("/metrics");

        Assert.Contains("# TYPE keeper_own_deadline_seconds gauge\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\nkeeper_own_deadline_seconds ", text, StringComparison.Ordinal);
    }
}
