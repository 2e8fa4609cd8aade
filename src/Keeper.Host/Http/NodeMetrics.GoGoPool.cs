using Keeper.Actors.GoGoPool;
using Keeper.Chain.Contracts.GoGoPool;
using Prometheus;

namespace Keeper.Host.Http;

public sealed partial class NodeMetrics
{
    // keeper.gogopool's series: absent while it is off, so a node without GoGoPool exports none of them.
    private void UpdateGoGoPool()
    {
        if (_node.GoGoPool is not { } node)
        {
            return;
        }

        var series = _goGoPool;
        foreach (var endpoint in node.RpcEndpoints)
        {
            series.EndpointUp.WithLabels(endpoint.Label).Set(endpoint.Up ? 1 : 0);
        }

        if (node.Board is not { } board)
        {
            return;
        }

        SetOrHide(series.HeadBlock, board.Watcher.Head?.Number);
        SetOrHide(series.LastPoll, board.Watcher.LastPollSucceeded?.ToUnixTimeMilliseconds() / 1000.0);
        foreach (var status in Enum.GetValues<GoGoMinipoolStatus>())
        {
            series.Minipools.WithLabels(status.ToString().ToLowerInvariant()).Set(board.Status.Minipools.Count(m => m.Status == status));
        }

        foreach (var kind in GoGoAlertKinds.All)
        {
            var name = kind.WireName();
            series.Alerts.WithLabels(name).Set(board.Status.Alerts.Count(a => a.Kind == kind));
            series.AlertsRaised.WithLabels(name).IncTo(board.Status.Raised.GetValueOrDefault(kind));
        }

        SetOrHide(series.NextRewardsCycle, board.Status.RewardsCycle?.NextStartTime);
        SetOrHide(series.Balance, board.Balance?.Wei is { } wei ? (double)wei : null);
    }

    private static void SetOrHide(Gauge gauge, ulong? value) => SetOrHide(gauge, value is { } v ? (double)v : null);

    private sealed class GoGoPoolSeries(MetricFactory m)
    {
        private static readonly GaugeConfiguration Optional = new() { SuppressInitialValue = true };

        public Gauge HeadBlock { get; } = m.CreateGauge("keeper_gogopool_head_block", "GoGoPool's chain: the last block fully processed (keeper.gogopool; absent while off).", Optional);

        public Gauge LastPoll { get; } = m.CreateGauge("keeper_gogopool_last_poll_timestamp_seconds", "GoGoPool's chain: when its watcher last completed a poll (unix seconds; absent before).", Optional);

        public Gauge Minipools { get; } = m.CreateGauge("keeper_gogopool_minipools", "GoGoPool minipools tracked, by status.", "status");

        public Gauge Alerts { get; } = m.CreateGauge("keeper_gogopool_alerts", "GoGoPool alerts standing now, by kind (overdue, not-withdrawn, error).", "kind");

        public Counter AlertsRaised { get; } = m.CreateCounter("keeper_gogopool_alerts_raised_total", "GoGoPool alerts raised since the node started, by kind.", "kind");

        public Gauge NextRewardsCycle { get; } = m.CreateGauge(
            "keeper_gogopool_rewards_cycle_next_start_timestamp_seconds", "The first block time at which GoGoPool's next rewards cycle may start (absent before the first read).", Optional);

        public Gauge Balance { get; } = m.CreateGauge("keeper_gogopool_signer_balance_wei", "The balance of the account that signs on GoGoPool's chain, in wei (absent until read).", Optional);

        public Gauge EndpointUp { get; } = m.CreateGauge("keeper_gogopool_rpc_endpoint_up", "1 unless the GoGoPool chain's RPC endpoint is unreachable.", "endpoint");
    }
}
