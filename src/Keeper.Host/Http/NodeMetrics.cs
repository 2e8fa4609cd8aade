using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Prometheus;

namespace Keeper.Host.Http;

/// <summary>
/// The node's series in its own Prometheus registry (one per node: tests run several nodes in one process), beside the
/// process and .NET runtime series and <see cref="RpcMetrics"/>. Gauges and the counters the actors keep are set from the
/// <see cref="INodeView"/> just before each scrape, which reads memory only, so <c>/metrics</c> answers at once whatever
/// the chain does. Names follow Prometheus: base units (seconds, wei), <c>_total</c> on counters. docs/metrics.md lists them.
/// </summary>
public sealed partial class NodeMetrics
{
    /// <summary>The Prometheus text format's content type.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly GaugeConfiguration Optional = new() { SuppressInitialValue = true };

    private readonly CollectorRegistry _registry;
    private readonly INodeView _node;
    private readonly Readiness _readiness;
    private readonly TimeProvider _time;
    private readonly Gauge _ready;
    private readonly Gauge _headBlock;
    private readonly Gauge _headTimestamp;
    private readonly Gauge _headLag;
    private readonly Gauge _chainTip;
    private readonly Gauge _lastPoll;
    private readonly Gauge _pools;
    private readonly Gauge _trackers;
    private readonly Gauge _duties;
    private readonly Gauge _nextDeadline;
    private readonly Gauge _transactions;
    private readonly Gauge _oldestPending;
    private readonly Counter _gasUsed;
    private readonly Counter _gasSpent;
    private readonly Counter _turns;
    private readonly Counter _claims;
    private readonly Counter _succeeded;
    private readonly Counter _sendFailures;
    private readonly Gauge _members;
    private readonly Gauge _storeReachable;
    private readonly Gauge _ownAtRisk;
    private readonly Gauge _ownDeadline;
    private readonly Gauge _endpointUp;
    private readonly Gauge _endpointLastSuccess;
    private readonly Gauge _partWaiting;
    private readonly Gauge _signerBalance;
    private readonly GoGoPoolSeries _goGoPool;

    /// <summary>Registers the series in <paramref name="registry"/>, set from <paramref name="node"/> at each scrape.</summary>
    public NodeMetrics(CollectorRegistry registry, INodeView node, Readiness readiness, TimeProvider time)
    {
        _registry = registry;
        _node = node;
        _readiness = readiness;
        _time = time;
        var m = Metrics.WithCustomRegistry(registry);
        _ready = m.CreateGauge("keeper_ready", "1 when /ready is 200 (no readiness rule applies), else 0; /ready names the reasons.");
        _headBlock = m.CreateGauge("keeper_head_block", "The last block fully processed.");
        _headTimestamp = m.CreateGauge("keeper_head_timestamp_seconds", "The timestamp of the last block fully processed (unix seconds).");
        _headLag = m.CreateGauge("keeper_head_lag_seconds", "How far the last block processed is behind this host's clock, in seconds (absent before the first head).", Optional);
        _chainTip = m.CreateGauge("keeper_chain_tip_block", "The chain's newest block as the RPC last reported it to the watcher (absent before).", Optional);
        _lastPoll = m.CreateGauge("keeper_last_poll_timestamp_seconds", "When the chain watcher last completed a poll without error (unix seconds; absent before).", Optional);
        _pools = m.CreateGauge("keeper_pools_tracked", "Pools tracked, by kind.", "kind");
        _trackers = m.CreateGauge("keeper_trackers_live", "Pool trackers running (the rest are passivated).");
        _duties = m.CreateGauge("keeper_duties", "Duties held by the scheduler: due now, or waiting for their due time.", "state");
        _nextDeadline = m.CreateGauge("keeper_next_deadline_timestamp_seconds", "The due time of the earliest duty not yet due (chain time, unix seconds; absent when none waits).", Optional);
        _transactions = m.CreateGauge("keeper_transactions", "This node's transactions known to its submitter, by state.", "state");
        _oldestPending = m.CreateGauge("keeper_oldest_pending_transaction_age_seconds", "Seconds since the oldest of this node's pending transactions was first seen pending (0 when none is).");
        _gasUsed = m.CreateCounter("keeper_gas_used_total", "Gas used by this node's mined transactions.");
        _gasSpent = m.CreateCounter("keeper_gas_spent_wei_total", "Wei paid for this node's mined transactions (gas used times effective gas price).");
        _turns = m.CreateCounter("keeper_gate_turns_total", "Gate windows in which this node held a task.");
        _claims = m.CreateCounter("keeper_gate_claims_total", "Claims this node won in the shared store.");
        _succeeded = m.CreateCounter("keeper_gate_succeeded_total", "This node's transactions that succeeded, as the gate counts them.");
        _sendFailures = m.CreateCounter("keeper_send_failures_total", "Actions this node's turn did not send, by the submitter's reason (WouldRevert, AboveFeeCap, Unavailable, Rejected, ...).", "reason");
        _members = m.CreateGauge("keeper_cluster_members", "Cluster members in the gate's view (this node included).");
        _storeReachable = m.CreateGauge("keeper_store_reachable", "1 while the shared store answers, else 0.");
        _ownAtRisk = m.CreateGauge("keeper_own_validators_at_risk", "Own validators (keeper.own) inside the warning lead time of a deadline, or past it, by what the operator must do.", "deadline");
        _ownDeadline = m.CreateGauge("keeper_own_deadline_seconds", "Seconds of chain time to the nearest own deadline, negative once passed (absent when none is open).", Optional);
        _endpointUp = m.CreateGauge("keeper_rpc_endpoint_up", "1 unless the RPC endpoint is unreachable (failed, or silent past the attempt deadline, since its last answer).", "endpoint");
        _endpointLastSuccess = m.CreateGauge("keeper_rpc_endpoint_last_success_timestamp_seconds", "When the RPC endpoint last answered (unix seconds).", "endpoint");
        _partWaiting = m.CreateGauge("keeper_node_part_waiting_seconds", "Seconds a part of the node has left its status question unanswered (busy, e.g. awaiting the RPC); 0 when it answered.", "part");
        // Absent until the balance watch's first reading reaches the board.
        _goGoPool = new GoGoPoolSeries(m);
        _signerBalance = m.CreateGauge("keeper_signer_balance_wei", "The signing account's balance in wei, as last read (absent until read).", Optional);
        BuildInfo(m);
        registry.AddBeforeCollectCallback(Update);
    }

    /// <summary>Writes every series in the Prometheus text format.</summary>
    public Task ExportAsync(Stream output, CancellationToken cancellationToken) => _registry.CollectAndExportAsTextAsync(output, cancellationToken);

    private static void BuildInfo(IMetricFactory m)
    {
        var version = typeof(NodeMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        m.CreateGauge("keeper_build_info", "1, labelled with the keeper's version, the commit it was built from (when known) and the .NET runtime.", ["version", "commit", "runtime"])
            .WithLabels(plus < 0 ? version : version[..plus], plus < 0 ? string.Empty : version[(plus + 1)..], RuntimeInformation.FrameworkDescription)
            .Set(1);
    }

    private void Update()
    {
        var now = _time.GetUtcNow();
        var status = _node.Status;
        _ready.Set(_readiness.NotReadyReasons().Count == 0 ? 1 : 0);
        _headBlock.Set(status.HeadNumber);
        _headTimestamp.Set(status.HeadTimestamp);
        SetOrHide(_headLag, status.Ready ? Math.Max(0, (now.ToUnixTimeMilliseconds() / 1000.0) - status.HeadTimestamp) : null);
        var watcher = _node.Watcher;
        SetOrHide(_chainTip, watcher.ChainTip);
        SetOrHide(_lastPoll, watcher.LastPollSucceeded?.ToUnixTimeMilliseconds() / 1000.0);
        _pools.WithLabels("megapool").Set(status.Megapools);
        _pools.WithLabels("minipool").Set(status.Minipools);
        _trackers.Set(status.LiveTrackers);

        var duties = _node.Duties.Duties;
        _duties.WithLabels("due").Set(duties.Count(d => d.Due));
        _duties.WithLabels("waiting").Set(duties.Count(d => !d.Due));
        SetOrHide(_nextDeadline, duties.Where(d => !d.Due).Select(d => (ulong?)d.Duty.DueAt).Min());

        var transactions = _node.Submitter.Transactions;
        foreach (var state in Enum.GetValues<TransactionState>())
        {
            _transactions.WithLabels(state.ToString().ToLowerInvariant()).Set(transactions.Count(t => t.State == state));
        }

        _oldestPending.Set(_node.OldestPendingSince is { } since ? Math.Max(0, (now - since).TotalSeconds) : 0);
        _gasUsed.IncTo((double)transactions.Aggregate(BigInteger.Zero, (sum, t) => sum + (t.GasUsed ?? 0)));
        _gasSpent.IncTo((double)transactions.Aggregate(BigInteger.Zero, (sum, t) => sum + (t.Fee ?? 0)));

        var gate = _node.Gate;
        _turns.IncTo(gate.TurnsHeld);
        _claims.IncTo(gate.Claimed);
        _succeeded.IncTo(gate.Succeeded);
        foreach (var (reason, count) in gate.NotSent)
        {
            _sendFailures.WithLabels(reason).IncTo(count);
        }

        _members.Set(status.Members.Count);
        _storeReachable.Set(status.StoreReachable ? 1 : 0);
        var own = _node.Own;
        _ownAtRisk.WithLabels("stake").Set(own.Deadlines.Count(d => d.AtRisk && d.Deadline.Kind == OwnDeadlineKind.Stake));
        _ownAtRisk.WithLabels("notify").Set(own.Deadlines.Count(d => d.AtRisk && d.Deadline.Kind == OwnDeadlineKind.NotifyExit));
        SetOrHide(_ownDeadline, own.SecondsToNearest);

        foreach (var endpoint in _node.RpcEndpoints)
        {
            _endpointUp.WithLabels(endpoint.Label).Set(endpoint.Up ? 1 : 0);
            if (endpoint.LastSuccess is { } success)
            {
                _endpointLastSuccess.WithLabels(endpoint.Label).Set(success.ToUnixTimeMilliseconds() / 1000.0);
            }
        }

        foreach (var part in _node.Parts)
        {
            _partWaiting.WithLabels(part.Part.ToString().ToLowerInvariant()).Set(part.WaitingSince is { } waiting ? Math.Max(0, (now - waiting).TotalSeconds) : 0);
        }

        SetOrHide(_signerBalance, _node.Balance?.Wei is { } balance ? (double)balance : null);
        UpdateGoGoPool();
    }

    private static void SetOrHide(Gauge gauge, double? value)
    {
        if (value is { } v)
        {
            gauge.Set(v);
        }
        else
        {
            gauge.Unpublish();
        }
    }
}
