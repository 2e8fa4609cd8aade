using System.Numerics;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;

namespace Keeper.Host.Http;

/// <summary>The node's metrics in the Prometheus text format (<c>GET /metrics</c>).</summary>
public static class KeeperMetrics
{
    /// <summary>Reads the node's state and writes every metric.</summary>
    public static async Task<string> WriteAsync(INodeView node, GasLedger gas, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var status = await node.GetStatusAsync(cancellationToken);
        var duties = await node.GetDutiesAsync(cancellationToken);
        var submitter = await node.GetSubmitterStatusAsync(cancellationToken);
        var spent = await gas.SpentWeiAsync(submitter.Transactions, cancellationToken);
        var own = await node.GetOwnStatusAsync(cancellationToken);
        var text = new PrometheusText();

        text.Family("keeper_ready", "gauge", "1 once the chain watcher's first cold start or resume is done and the store answers, else 0.")
            .Sample("keeper_ready", status.Ready && status.StoreReachable ? 1 : 0);
        text.Family("keeper_head_block", "gauge", "The last block fully processed.")
            .Sample("keeper_head_block", status.HeadNumber);
        text.Family("keeper_head_timestamp_seconds", "gauge", "The timestamp of the last block fully processed (unix seconds).")
            .Sample("keeper_head_timestamp_seconds", status.HeadTimestamp);
        text.Family("keeper_head_lag_seconds", "gauge", "How far the last block processed is behind this host's clock, in seconds (absent before the first head).");
        if (status.Ready)
        {
            var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
            text.SampleFloat("keeper_head_lag_seconds", Math.Max(0, now - status.HeadTimestamp));
        }

        text.Family("keeper_pools_tracked", "gauge", "Pools tracked, by kind.")
            .Sample("keeper_pools_tracked", status.Megapools, ("kind", "megapool"))
            .Sample("keeper_pools_tracked", status.Minipools, ("kind", "minipool"));
        text.Family("keeper_trackers_live", "gauge", "Pool trackers running (the rest are passivated).")
            .Sample("keeper_trackers_live", status.LiveTrackers);
        text.Family("keeper_duties", "gauge", "Duties held by the scheduler: due now, or waiting for their due time.")
            .Sample("keeper_duties", duties.Duties.Count(d => d.Due), ("state", "due"))
            .Sample("keeper_duties", duties.Duties.Count(d => !d.Due), ("state", "waiting"));
        text.Family("keeper_transactions", "gauge", "This node's transactions known to its submitter, by state.");
        foreach (var state in Enum.GetValues<TransactionState>())
        {
            text.Sample("keeper_transactions", submitter.Transactions.Count(t => t.State == state), ("state", state.ToString().ToLowerInvariant()));
        }

        text.Family("keeper_gas_used_total", "counter", "Gas used by this node's mined transactions.")
            .Sample("keeper_gas_used_total", submitter.Transactions.Aggregate(BigInteger.Zero, (sum, t) => sum + (t.GasUsed ?? 0)));
        text.Family("keeper_gas_spent_wei", "counter", "Wei paid for this node's mined transactions (gas used times effective gas price).")
            .Sample("keeper_gas_spent_wei", spent);
        text.Family("keeper_rpc_requests_total", "counter", "HTTP requests sent to the execution client.")
            .Sample("keeper_rpc_requests_total", status.RpcRequests);
        text.Family("keeper_rpc_errors_total", "counter", "Failed attempts against the execution client.")
            .Sample("keeper_rpc_errors_total", status.RpcErrors);
        text.Family("keeper_gate_turns_total", "counter", "Gate windows in which this node held a task.")
            .Sample("keeper_gate_turns_total", status.GateTurns);
        text.Family("keeper_gate_claims_total", "counter", "Claims this node won in the shared store.")
            .Sample("keeper_gate_claims_total", status.Claims);
        text.Family("keeper_gate_succeeded_total", "counter", "This node's transactions that succeeded, as the gate counts them.")
            .Sample("keeper_gate_succeeded_total", status.Succeeded);
        text.Family("keeper_cluster_members", "gauge", "Cluster members in the gate's view (this node included).")
            .Sample("keeper_cluster_members", status.Members.Count);
        text.Family("keeper_store_reachable", "gauge", "1 while the shared store answers, else 0.")
            .Sample("keeper_store_reachable", status.StoreReachable ? 1 : 0);
        text.Family("keeper_own_validators_at_risk", "gauge", "Own validators (keeper.own) inside the warning lead time of a deadline, or past it, by what the operator must do.")
            .Sample("keeper_own_validators_at_risk", own.Deadlines.Count(d => d.AtRisk && d.Deadline.Kind == OwnDeadlineKind.Stake), ("deadline", "stake"))
            .Sample("keeper_own_validators_at_risk", own.Deadlines.Count(d => d.AtRisk && d.Deadline.Kind == OwnDeadlineKind.NotifyExit), ("deadline", "notify"));
        text.Family("keeper_own_deadline_seconds", "gauge", "Seconds of chain time to the nearest own deadline, negative once passed (absent when none is open).");
        if (own.SecondsToNearest is { } nearest)
        {
            text.Sample("keeper_own_deadline_seconds", nearest);
        }

        return text.ToString();
    }
}
