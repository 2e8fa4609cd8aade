using Keeper.Actors.Tracking;
using Keeper.Host.Http;
using Xunit;

namespace Keeper.Host.Tests.Http;

public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_PrometheusTextFormat_EveryFamilyWithHelpTypeAndSamples()
    {
        await using var http = await HttpServerFixture.StartAsync();

        using var response = await http.Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(PrometheusText.ContentType, response.Content.Headers.ContentType!.ToString().Replace("; ", "; ", StringComparison.Ordinal));
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.Split('\n')[..^1];
        string[] expected =
        [
            "# TYPE keeper_ready gauge", "keeper_ready 1",
            "# TYPE keeper_head_block gauge", "keeper_head_block 120",
            "# TYPE keeper_head_lag_seconds gauge", "keeper_head_lag_seconds 30",
            "# TYPE keeper_pools_tracked gauge", "keeper_pools_tracked{kind=\"megapool\"} 3", "keeper_pools_tracked{kind=\"minipool\"} 2",
            "# TYPE keeper_duties gauge", "keeper_duties{state=\"due\"} 1", "keeper_duties{state=\"waiting\"} 2",
            "# TYPE keeper_transactions gauge", "keeper_transactions{state=\"pending\"} 1", "keeper_transactions{state=\"succeeded\"} 1",
            "keeper_transactions{state=\"cancelled\"} 1", "keeper_transactions{state=\"reverted\"} 0",
            "# TYPE keeper_gas_used_total counter", "keeper_gas_used_total 71000",
            "# TYPE keeper_gas_spent_wei counter", $"keeper_gas_spent_wei {(50_000L * 1_500_000_000) + (21_000L * 2_000_000_000)}",
            "# TYPE keeper_rpc_requests_total counter", "keeper_rpc_requests_total 4321",
            "# TYPE keeper_rpc_errors_total counter", "keeper_rpc_errors_total 5",
            "# TYPE keeper_gate_turns_total counter", "keeper_gate_turns_total 7",
            "# TYPE keeper_gate_claims_total counter", "keeper_gate_claims_total 2",
            "# TYPE keeper_cluster_members gauge", "keeper_cluster_members 2",
            "# TYPE keeper_store_reachable gauge", "keeper_store_reachable 1",
        ];
        foreach (var line in expected)
        {
            Assert.Contains(line, lines);
        }

        // Every line is a comment or a sample "name{labels} value", and every family's HELP comes right before its TYPE.
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                Assert.StartsWith("# HELP " + lines[i].Split(' ')[2] + " ", lines[i - 1], StringComparison.Ordinal);
            }
            else if (!lines[i].StartsWith("# HELP ", StringComparison.Ordinal))
            {
                Assert.Matches(@"^keeper_[a-z_]+(\{[a-z]+=""[a-z]+""\})? -?[0-9.]+$", lines[i]);
            }
        }
    }

    [Fact]
    public async Task Metrics_ScrapedTwice_EachReceiptReadOnce()
    {
        await using var http = await HttpServerFixture.StartAsync();

        (await http.Client.GetAsync("/metrics")).Dispose();
        (await http.Client.GetAsync("/metrics")).Dispose();

        Assert.Equal(2, http.Node.ReceiptReads);
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
