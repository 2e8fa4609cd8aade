using Keeper.Actors.Cluster;
using Keeper.Actors.Gate;
using Keeper.Actors.GoGoPool;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Node;

/// <summary>
/// The latest answer of each part of the node, with the time it arrived, kept in memory for everything that reports on
/// the node (HTTP API, <c>/metrics</c>, <c>/ready</c>, dashboard, status file). Readers never ask an actor, so they
/// answer at once whatever the chain does; <see cref="NodeStatePublisher"/> keeps the board fresh. A part that does not
/// answer keeps its last answer, and the board says since when it has been waiting. Thread-safe: one writer (the
/// publisher), many readers.
/// </summary>
/// <param name="time">The clock answers are stamped with.</param>
public sealed class NodeStateBoard(TimeProvider time)
{
    private readonly object _gate = new();
    private readonly Dictionary<NodePart, Entry> _entries = [];
    private readonly Dictionary<Hash32, DateTimeOffset> _pendingSince = [];

    /// <summary>The clock answers are stamped with.</summary>
    public TimeProvider Time => time;

    /// <summary>The watcher's latest answer (no head before its first).</summary>
    public WatcherHead Watcher => Value<WatcherHead>(NodePart.Watcher) ?? new WatcherHead(null);

    /// <summary>The registry's latest answer (zeros before its first).</summary>
    public RegistryStats Registry => Value<RegistryStats>(NodePart.Registry) ?? new RegistryStats(0, 0, 0);

    /// <summary>The scheduler's latest duties (none before its first answer).</summary>
    public DutiesSnapshot Duties => Value<DutiesSnapshot>(NodePart.Scheduler) ?? new DutiesSnapshot(null, []);

    /// <summary>
    /// The gate's latest answer. Before its first, the store counts as unreachable: nothing says it answers.
    /// </summary>
    public GateStatus Gate => Value<GateStatus>(NodePart.Gate) ?? new GateStatus([], false, [], 0, 0, 0);

    /// <summary>The submitter's latest answer (no transactions before its first).</summary>
    public SubmitterStatus Submitter => Value<SubmitterStatus>(NodePart.Submitter) ?? new SubmitterStatus(Address.Zero, 0, []);

    /// <summary>The cluster membership's latest answer (no members before its first).</summary>
    public ClusterMembers Cluster => Value<ClusterMembers>(NodePart.Cluster) ?? new ClusterMembers(string.Empty, [], false);

    /// <summary>The signer balance watch's latest reading; null before its first answer.</summary>
    public SignerBalance? Balance => Value<SignerBalance>(NodePart.Balance);

    /// <summary>The operator accounts' latest answer (none before their first).</summary>
    public OperatorAccountsView Operators => Value<OperatorAccountsView>(NodePart.Operators) ?? new OperatorAccountsView([], null);

    /// <summary>GoGoPool's parts' latest answers (keeper.gogopool); null while it is off or before the registry's first answer.</summary>
    public GoGoPoolBoard? GoGoPool => Value<GoGoPoolStatus>(NodePart.GoGoPool) is { } status
        ? new GoGoPoolBoard(
            status,
            Value<WatcherHead>(NodePart.GoGoPoolWatcher) ?? new WatcherHead(null),
            Value<DutiesSnapshot>(NodePart.GoGoPoolScheduler) ?? new DutiesSnapshot(null, []),
            Value<GateStatus>(NodePart.GoGoPoolGate),
            Value<SignerBalance>(NodePart.GoGoPoolBalance))
        : null;

    /// <summary>The own-deadline watch's latest answer.</summary>
    public OwnStatus Own => Value<OwnStatus>(NodePart.Own) ?? OwnStatus.Empty;

    /// <summary>
    /// When the oldest of the submitter's pending transactions was sent, as the journal records it; for one journaled
    /// before sent times were (a store of an earlier release), when this board first saw it pending. Null when none is
    /// pending.
    /// </summary>
    public DateTimeOffset? OldestPendingSince
    {
        get
        {
            lock (_gate)
            {
                return _pendingSince.Count == 0 ? null : _pendingSince.Values.Min();
            }
        }
    }

    /// <summary>Every part's freshness, in <see cref="NodePart"/> order.</summary>
    public IReadOnlyList<NodePartStatus> Parts()
    {
        lock (_gate)
        {
            return Enum.GetValues<NodePart>()
                .Select(p => _entries.TryGetValue(p, out var e) ? new NodePartStatus(p, e.AnsweredAt, e.WaitingSince) : new NodePartStatus(p, null, null))
                .ToArray();
        }
    }

    /// <summary>A question went to <paramref name="part"/>; if it is the first unanswered one, the part waits from now.</summary>
    public void Asked(NodePart part)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var entry = _entries.GetValueOrDefault(part) ?? new Entry(null, null, null);
            if (entry.WaitingSince is null)
            {
                _entries[part] = entry with { WaitingSince = now };
            }
        }
    }

    /// <summary><paramref name="part"/> answered <paramref name="value"/>: it replaces the previous answer, and the part waits no more.</summary>
    public void Answered(NodePart part, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _entries[part] = new Entry(value, now, null);
            if (value is SubmitterStatus submitter)
            {
                TrackPending(submitter, now);
            }
        }
    }

    /// <summary>The part that answers <paramref name="reply"/>, or null if it is no part's answer.</summary>
    public static NodePart? PartOf(object reply) => reply switch
    {
        WatcherHead => NodePart.Watcher,
        RegistryStats => NodePart.Registry,
        DutiesSnapshot => NodePart.Scheduler,
        GateStatus => NodePart.Gate,
        SubmitterStatus => NodePart.Submitter,
        ClusterMembers => NodePart.Cluster,
        OwnStatus => NodePart.Own,
        SignerBalance => NodePart.Balance,
        OperatorAccountsView => NodePart.Operators,
        GoGoPoolStatus => NodePart.GoGoPool,
        _ => null,
    };

    /// <summary>The question <paramref name="part"/> answers.</summary>
    public static object QuestionFor(NodePart part) => part switch
    {
        NodePart.Watcher => GetWatcherHead.Instance,
        NodePart.Registry => GetRegistryStats.Instance,
        NodePart.Scheduler => GetDuties.Instance,
        NodePart.Gate => GetGateStatus.Instance,
        NodePart.Submitter => GetSubmitterStatus.Instance,
        NodePart.Cluster => GetClusterMembers.Instance,
        NodePart.Own => GetOwnStatus.Instance,
        NodePart.Balance => GetSignerBalance.Instance,
        NodePart.Operators => GetOperatorAccounts.Instance,
        NodePart.GoGoPoolWatcher => GetWatcherHead.Instance,
        NodePart.GoGoPool => GetGoGoPoolStatus.Instance,
        NodePart.GoGoPoolScheduler => GetDuties.Instance,
        NodePart.GoGoPoolGate => GetGateStatus.Instance,
        NodePart.GoGoPoolBalance => GetSignerBalance.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "not a part of the node"),
    };

    private T? Value<T>(NodePart part)
        where T : class
    {
        lock (_gate)
        {
            return _entries.TryGetValue(part, out var entry) ? entry.Value as T : null;
        }
    }

    private void TrackPending(SubmitterStatus submitter, DateTimeOffset now)
    {
        var pending = submitter.Transactions.Where(t => t.State is TransactionState.Created or TransactionState.Pending).ToDictionary(t => t.Hash);
        foreach (var gone in _pendingSince.Keys.Where(h => !pending.ContainsKey(h)).ToArray())
        {
            _pendingSince.Remove(gone);
        }

        foreach (var (hash, transaction) in pending)
        {
            _pendingSince.TryAdd(hash, transaction.SentAt ?? now);
        }
    }

    private sealed record Entry(object? Value, DateTimeOffset? AnsweredAt, DateTimeOffset? WaitingSince);
}
