using System.Text.Json;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Host.Http;
using Xunit;

namespace Keeper.Integration.Tests.Host;

public sealed partial class RunningNodeTests
{
    [Fact]
    public async Task GoGoPool_AlertsForTheSeededMinipoolsAndTheRewardsCycleStartedInItsFirstValidBlock()
    {
        using var http = new HttpClient { BaseAddress = node.Http };
        var (failed, overdue, waiting) = node.Minipools;

        // The Error and the overdue Staking minipool raise one alert each, for their owner (own: listed in owners).
        var view = await WaitForGoGoPoolAsync(http, v => v.Minipools.Count == 3 && v.Alerts.Count == 2, "3 minipools and 2 alerts");
        Assert.Equal(RunningNodeFixture.GoGoPoolChainId, view.ChainId);
        Assert.Equal(["error", "overdue"], view.Alerts.Select(a => a.Kind).Order().ToArray());
        Assert.All(view.Alerts, a => Assert.True(a.Own));
        Assert.Contains("EC2", view.Alerts.Single(a => a.Kind == "error").Message, StringComparison.Ordinal);
        Assert.Equal(failed.ToString(), view.Alerts.Single(a => a.Kind == "error").NodeId);
        Assert.Equal(overdue.ToString(), view.Alerts.Single(a => a.Kind == "overdue").NodeId);
        Assert.Empty(view.Minipools.Single(m => m.NodeId == waiting.ToString()).Alerts);
        Assert.Equal((1L, 1L, 0L), (view.Raised["error"], view.Raised["overdue"], view.Raised["not-withdrawn"]));

        // keeper status prints the chain and each alert.
        var (exitCode, output, error) = await RunKeeperAsync("status", "--url", node.Http.ToString());
        Assert.True(exitCode == 0, error);
        Assert.Matches($@"GoGoPool: chain {RunningNodeFixture.GoGoPoolChainId}, block \d+, 3 minipools, rewards cycle \d+, the next may start at \S+Z; 2 alert\(s\)", output);
        Assert.Contains($"  error: minipool {failed} of ", output, StringComparison.Ordinal);
        Assert.Contains($"  overdue: minipool {overdue} of ", output, StringComparison.Ordinal);

        // The dashboard shows the section, each minipool and a banner per alert, red for an own minipool's.
        var dom = await Chromium.DumpDomAsync(node.Http, TimeSpan.FromSeconds(60));
        Assert.Contains("<section id=\"gogopool-section\" class=\"wide\" style=\"\">", dom, StringComparison.Ordinal);
        Assert.Contains($"<tr data-node-id=\"{waiting}\">", dom, StringComparison.Ordinal);
        Assert.Contains($"<div class=\"banner\">GoGoPool minipool {failed} of ", dom, StringComparison.Ordinal);
        Assert.Contains($"<div class=\"banner\">GoGoPool minipool {overdue} of ", dom, StringComparison.Ordinal);
        Assert.Contains(" (own) is in Error: ", dom, StringComparison.Ordinal);

        // Move the GoGoPool chain to just before the cycle may start: the keeper starts it in the first block where it can.
        var rewardsPool = new RewardsPool(new BatchCaller(node.GoGoPoolChain.Eth), node.GoGoPool.Deployment.RewardsPool);
        var settings = await new ProtocolDao(new BatchCaller(node.GoGoPoolChain.Eth), node.GoGoPool.Deployment.ProtocolDao).ReadSettingsAsync(BlockTag.Latest, CancellationToken.None);
        var before = await rewardsPool.ReadCycleAsync(BlockTag.Latest, CancellationToken.None);
        var validFrom = before.NextStartTime(settings);
        await node.GoGoPoolChain.SetNextBlockTimestampAsync(validFrom - 4);
        var started = await WaitForGoGoPoolAsync(http, v => v.RewardsCycle?.Count == before.Count + 1, "the rewards cycle started");

        var cycle = await rewardsPool.ReadCycleAsync(BlockTag.Latest, CancellationToken.None);
        Assert.Equal(before.Count + 1, cycle.Count);
        // Mined in the first block at or after the time it became valid: blocks come every 2 s from validFrom - 4.
        Assert.Equal(validFrom, cycle.StartTime);
        var sent = await SendersToAsync(node.GoGoPool.Deployment.RewardsPool, validFrom - 4);
        Assert.Equal([node.Node.Address], sent.Select(s => s.ToString()).ToArray());
        Assert.Equal(3, started.Minipools.Count);

        // The metrics carry the same figures.
        var metrics = (await http.GetStringAsync("/metrics")).Split('\n');
        Assert.Contains("keeper_gogopool_alerts{kind=\"error\"} 1", metrics);
        Assert.Contains("keeper_gogopool_alerts_raised_total{kind=\"overdue\"} 1", metrics);
        Assert.Contains("keeper_gogopool_minipools{status=\"prelaunch\"} 1", metrics);
    }

    private static async Task<GoGoPoolView> WaitForGoGoPoolAsync(HttpClient http, Func<GoGoPoolView, bool> done, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        GoGoPoolView? last = null;
        while (!timeout.IsCancellationRequested)
        {
            last = JsonSerializer.Deserialize<GoGoPoolView>(await http.GetStringAsync("/api/gogopool"), HttpJson.Options)!;
            if (done(last))
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"/api/gogopool never showed {what}; last: {JsonSerializer.Serialize(last, HttpJson.Options)}");
    }

    // Every sender of a transaction to `to` in the GoGoPool chain's blocks from the one at `since` on (reverted ones too).
    private async Task<IReadOnlyList<Address>> SendersToAsync(Address to, ulong since)
    {
        var chain = node.GoGoPoolChain;
        var senders = new List<Address>();
        for (var n = await chain.Eth.BlockNumberAsync(CancellationToken.None); n > 0; n--)
        {
            var block = (await chain.Rpc.SendBatchAsync([new JsonRpcRequest("eth_getBlockByNumber", [Hex.EncodeQuantity(n), true])], CancellationToken.None))[0].GetResultOrThrow();
            if (Hex.DecodeQuantityUInt64(block.GetProperty("timestamp").GetString()!) < since)
            {
                break;
            }

            senders.AddRange(block.GetProperty("transactions").EnumerateArray()
                .Where(t => t.TryGetProperty("to", out var target) && target.ValueKind == JsonValueKind.String && Address.Parse(target.GetString()!) == to)
                .Select(t => Address.Parse(t.GetProperty("from").GetString()!)));
        }

        return senders;
    }
}
