using Keeper.Host.Devnet.GoGoPool;
using Xunit;

namespace Keeper.Host.Tests.Devnet.GoGoPool;

/// <summary>The report's reading of a node's GET /api/gogopool: raised counts by kind, alert keys, and the comparison with the plan.</summary>
public sealed class GoGoPoolNodeAlertsTests
{
    private static readonly string[] Expected =
    [
        "overdue:0x6667000000000000000000000000000000000001:Launched:100",
        "error:0x6667000000000000000000000000000000000004:Error:103",
    ];

    [Fact]
    public void From_EveryExpectedAlertOnce_NothingMissingOrUnexpected()
    {
        var json = Answer(
            """{"overdue":1,"not-withdrawn":0,"error":1}""",
            "overdue:0x6667000000000000000000000000000000000001:Launched:100",
            "error:0x6667000000000000000000000000000000000004:Error:103");

        var alerts = GoGoPoolNodeAlerts.From("node-1", json, Expected);

        Assert.Equal(new Dictionary<string, int> { ["overdue"] = 1, ["not-withdrawn"] = 0, ["error"] = 1 }, alerts.Raised);
        Assert.Equal(Expected, alerts.Alerts);
        Assert.Empty(alerts.Missing);
        Assert.Empty(alerts.Unexpected);
        Assert.Null(alerts.Error);
    }

    [Fact]
    public void From_StatusAndEpisodeSpelledOtherwise_MatchedByKindAndNodeId()
    {
        var json = Answer("""{"overdue":1,"error":1}""", "overdue:0x6667000000000000000000000000000000000001:1:99", "ERROR:0x6667000000000000000000000000000000000004:error:7");

        var alerts = GoGoPoolNodeAlerts.From("node-1", json, Expected);

        Assert.Empty(alerts.Missing);
        Assert.Empty(alerts.Unexpected);
        Assert.Equal(0, alerts.Raised["not-withdrawn"]);
    }

    [Fact]
    public void From_AControlAlertedAndOneMissingAndOneTwice_ReportsEach()
    {
        var json = Answer(
            """{"overdue":2,"not-withdrawn":1,"error":0}""",
            "overdue:0x6667000000000000000000000000000000000001:Launched:100",
            "overdue:0x6667000000000000000000000000000000000001:Launched:200",
            "not-withdrawn:0x6667000000000000000000000000000000000008:Withdrawable:107");

        var alerts = GoGoPoolNodeAlerts.From("node-2", json, Expected);

        Assert.Equal(["error:0x6667000000000000000000000000000000000004:Error:103"], alerts.Missing);
        Assert.Equal(
            [
                "overdue:0x6667000000000000000000000000000000000001:Launched:100",
                "overdue:0x6667000000000000000000000000000000000001:Launched:200",
                "not-withdrawn:0x6667000000000000000000000000000000000008:Withdrawable:107",
            ],
            alerts.Unexpected);
    }

    [Fact]
    public void From_NoAlertsInTheAnswer_ThrowsNamingTheNodeAndTheSection()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GoGoPoolNodeAlerts.From("node-3", """{"enabled":false}""", Expected));

        Assert.Equal("node-3's /api/gogopool answer has no \"raised\" or no \"alerts\"; is the node's keeper.gogopool section enabled?", error.Message);
    }

    private static string Answer(string raised, params string[] keys) =>
        $$"""{"enabled":true,"chainId":43112,"head":null,"rewardsCycle":null,"minipools":[],"alerts":[{{string.Join(",", keys.Select(k => $$"""{"key":"{{k}}","kind":"x"}"""))}}],"raised":{{raised}}}""";
}
