using Akka.Actor;
using Akka.Dispatch;
using Keeper.Actors.Logging;
using Keeper.Actors.Scheduling;
using Keeper.Chain.Watching;
using Microsoft.Extensions.Logging;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>
/// Tracks the megapools and minipools whose address falls in its shard: a thin actor shell over one immutable state
/// record per pool (<see cref="MegapoolTrackingState"/>, <see cref="MinipoolTrackingState"/>) and their pure transitions.
/// After each message it derives the duties of the pools that message changed, once, and tells the scheduler only the
/// difference. A pool is loaded from its own snapshot when it is first seen, saved when asked, and passivated (saved and
/// dropped from memory) when it has had no duty and no news for a while; a shard left with no pool asks to be stopped.
/// </summary>
/// <remarks>
/// One actor per pool cost Akka's per-actor footprint (about 4 KB) for every megapool and minipool, more than the state
/// itself; a shard holds hundreds of pools for the same cost. Snapshots stay per pool (<see cref="SnapshotScope.Tracker"/>),
/// so a pool is passivated and revived alone, and a node may change its number of shards between runs. Loads and saves
/// run as async tasks that keep the mailbox closed until the store answers: the shard handles nothing in between, not
/// even an <see cref="Identify"/>, which the tests' barriers rely on. With snapshots off a message is handled at once.
/// </remarks>
public sealed partial class TrackerShard : ReceiveActor, IWithTimers, IWithUnboundedStash
{
    private const string PassivationTimer = "passivate";
    private const string LoadTimer = "load";
    private readonly TrackerOptions _options;
    private readonly Dictionary<Address, TrackedPool> _pools = [];
    private TrackingSettings? _settings;
    private int _reportedLive;
    private object? _failedLoad;
    private ILogger? _log;

    /// <summary>Creates a shard; it knows the settings read so far, or none yet.</summary>
    public TrackerShard(TrackerOptions options, TrackingSettings? settings)
    {
        _options = options;
        _settings = settings;
        Become(Active);
    }

    /// <summary>The actor's keyed timers (set by Akka).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Messages set aside while a snapshot load waits to be retried (set by Akka).</summary>
    public IStash Stash { get; set; } = null!;

    private ILogger Log => _log ??= KeeperLogging.Of<TrackerShard>(Context);

    private static long NowTicks => Context.System.Scheduler.Now.UtcTicks;

    /// <summary>Props for a shard.</summary>
    public static Props Props(TrackerOptions options, TrackingSettings? settings) =>
        Akka.Actor.Props.Create(() => new TrackerShard(options, settings));

    /// <inheritdoc />
    protected override void PreStart()
    {
        // A pool is passivated between one and one and a half idle periods after its last change: one sweep per half
        // period instead of a timer per pool.
        if (_options.PassivateAfter is { } idle)
        {
            Timers.StartPeriodicTimer(PassivationTimer, PassivationDue.Instance, idle / 2);
        }
    }

    /// <inheritdoc />
    protected override void PreRestart(Exception reason, object message)
    {
        // The next instance starts empty: these messages, queued ahead of anything else, have it reload its pools from
        // their snapshots, as a node restart would.
        if (_settings is { } settings)
        {
            Self.Tell(new SettingsChanged(settings), Self);
        }

        if (_pools.Count > 0)
        {
            Self.Tell(new RestorePools([.. _pools.Keys]), Self);
        }

        base.PreRestart(reason, message);
    }

    private void Active()
    {
        Receive<WatcherEvents>(Handle);
        Receive<RouteBeaconFacts>(Handle);
        Receive<RouteFinalWithdrawal>(Handle);
        Receive<RestorePools>(Handle);
        Receive<SettingsChanged>(OnSettings);
        Receive<PassivationDue>(_ => OnPassivationDue());
        ReceiveAsync<SaveSnapshot>(_ => SaveAndReplyAsync());
        ReceiveAsync<Passivate>(_ => PassivateAsync());
    }

    private void Retrying()
    {
        Receive<RetryLoad>(_ => OnRetryLoad());
        ReceiveAny(_ => Stash.Stash());
    }

    private void Handle(object message)
    {
        var missing = _options.Snapshots is null ? null : Missing(message);
        if (missing is null || missing.Count == 0)
        {
            Apply(message, loaded: null);
        }
        else
        {
            ActorTaskScheduler.RunTask(() => LoadThenApplyAsync(message, missing));
        }
    }

    private List<Address> Missing(object message)
    {
        var pools = message switch
        {
            WatcherEvents m => m.Events.Select(PoolOf),
            RouteBeaconFacts m => [m.Megapool],
            RouteFinalWithdrawal m => [m.Megapool],
            RestorePools m => m.Pools,
            _ => [],
        };
        return pools.Where(p => !_pools.ContainsKey(p)).Distinct().ToList();
    }

    private static Address PoolOf(WatcherEvent e) => e switch
    {
        MegapoolValidatorRead r => r.Megapool,
        MinipoolRead r => r.State.Minipool,
        PoolForgotten f => f.Pool,
        _ => throw new ArgumentException($"A tracker shard does not take {e.GetType().Name} events; the registry handles them.", nameof(e)),
    };

    private void OnRetryLoad()
    {
        var message = _failedLoad!;
        _failedLoad = null;
        Become(Active);
        Stash.UnstashAll();
        Handle(message);
    }

    // Applies every event of the message to its pool's state, then settles each pool it touched once.
    private void Apply(object message, IReadOnlyDictionary<Address, Akka.Persistence.SelectedSnapshot?>? loaded)
    {
        var touched = new Dictionary<Address, (bool IsNew, object? Before)>();
        switch (message)
        {
            case WatcherEvents m:
                foreach (var e in m.Events)
                {
                    ApplyEvent(e, loaded, touched);
                }

                break;
            case RouteBeaconFacts m:
                var facts = Entry(m.Megapool, megapool: true, loaded, touched)!;
                facts.State = Megapool(facts, m.Megapool).WithBeacon(m.ValidatorId, m.Beacon, m.SeenAtSlot);
                break;
            case RouteFinalWithdrawal m:
                var withdrawn = Entry(m.Megapool, megapool: true, loaded, touched)!;
                withdrawn.State = Megapool(withdrawn, m.Megapool).WithFinalWithdrawal(m.ValidatorId, m.Withdrawal);
                break;
            case RestorePools m:
                foreach (var pool in m.Pools)
                {
                    Entry(pool, megapool: null, loaded, touched);
                }

                break;
        }

        foreach (var (pool, (isNew, before)) in touched)
        {
            Settle(pool, _pools[pool], isNew, before);
        }

        ReportLive();
    }

    private void ApplyEvent(WatcherEvent e, IReadOnlyDictionary<Address, Akka.Persistence.SelectedSnapshot?>? loaded, Dictionary<Address, (bool, object?)> touched)
    {
        switch (e)
        {
            case MegapoolValidatorRead r:
                var read = Entry(r.Megapool, megapool: true, loaded, touched)!;
                read.State = Megapool(read, r.Megapool).WithRead(r.ValidatorId, r.Info, r.Pubkey, r.Block.Number);
                break;
            case MinipoolRead r:
                var minipool = Entry(r.State.Minipool, megapool: false, loaded, touched)!;
                var next = new MinipoolTrackingState(r.State, r.Block.Number);
                if (!next.Equals(minipool.State))
                {
                    minipool.State = next;
                }

                break;
            case PoolForgotten { ValidatorId: { } id } f:
                var megapool = Entry(f.Pool, megapool: true, loaded, touched)!;
                megapool.State = Megapool(megapool, f.Pool).Without(id);
                break;
            case PoolForgotten f:
                Entry(f.Pool, megapool: false, loaded, touched)!.State = null;
                break;
        }
    }

    private static MegapoolTrackingState Megapool(TrackedPool entry, Address megapool) =>
        entry.State as MegapoolTrackingState ?? MegapoolTrackingState.Empty(megapool);

    // The pool's entry, created from its snapshot (or empty) when it is new; null only when restoring a pool that has no
    // snapshot (megapool: null, kind unknown), which is left for its next event.
    private TrackedPool? Entry(Address pool, bool? megapool, IReadOnlyDictionary<Address, Akka.Persistence.SelectedSnapshot?>? loaded, Dictionary<Address, (bool, object?)> touched)
    {
        if (_pools.TryGetValue(pool, out var entry))
        {
            touched.TryAdd(pool, (false, entry.State));
            return entry;
        }

        var snapshot = loaded?.GetValueOrDefault(pool);
        object? state = (megapool, snapshot?.Snapshot) switch
        {
            (null, var restored) => restored,
            (true, MegapoolTrackingState restored) => restored,
            (false, MinipoolTrackingState restored) => restored,
            (true, _) => MegapoolTrackingState.Empty(pool),
            _ => null,
        };
        if (megapool is null && state is null)
        {
            return null;
        }

        entry = new TrackedPool(state, snapshot?.Metadata.SequenceNr ?? 0);
        _pools[pool] = entry;
        touched[pool] = (true, state);
        return entry;
    }

    // A new pool has nothing scheduled yet: all its duties are told. A changed one tells the difference.
    private void Settle(Address pool, TrackedPool entry, bool isNew, object? before)
    {
        var changed = !ReferenceEquals(before, entry.State);
        if (!isNew && !changed)
        {
            return;
        }

        entry.Dirty |= changed;
        entry.LastChangeTicks = NowTicks;
        TellBeaconCandidates(pool, entry);
        Reconcile(isNew ? null : before, _settings, entry.State, _settings);
        TellOwnDeadlines(pool, entry.State, _settings);
    }

    private void OnSettings(SettingsChanged m)
    {
        var previous = _settings;
        _settings = m.Settings;
        var now = NowTicks;
        foreach (var entry in _pools.Values)
        {
            entry.LastChangeTicks = now;
            Reconcile(entry.State, previous, entry.State, m.Settings);
        }

        foreach (var (pool, entry) in _pools)
        {
            TellOwnDeadlines(pool, entry.State, m.Settings);
        }
    }

    // Own megapools are a handful (one per own node address): their whole list goes to the watch on each change, which
    // keeps the latest per megapool.
    private void TellOwnDeadlines(Address pool, object? state, TrackingSettings? settings)
    {
        if (_options.Own is { } own && settings is not null && own.Megapools.Contains(pool))
        {
            var deadlines = state is MegapoolTrackingState megapool ? megapool.OwnDeadlines(settings).ToArray() : [];
            own.Watch.Tell(new OwnDeadlinesChanged(pool, deadlines), Self);
        }
    }

    // What the scheduler holds for a pool is what its state implied under the settings of its last reconcile (nothing
    // without settings): derive that again instead of keeping a copy of every duty per pool.
    private void Reconcile(object? beforeState, TrackingSettings? beforeSettings, object? afterState, TrackingSettings? afterSettings)
    {
        if (afterSettings is null)
        {
            return;
        }

        Dictionary<string, Duty>? before = null;
        if (beforeState is not null && beforeSettings is not null)
        {
            foreach (var duty in DutiesOf(beforeState, beforeSettings))
            {
                (before ??= new Dictionary<string, Duty>(StringComparer.Ordinal))[duty.Key] = duty;
            }
        }

        foreach (var duty in DutiesOf(afterState, afterSettings))
        {
            if (before is null || !before.Remove(duty.Key, out var previous) || previous != duty)
            {
                _options.Scheduler.Tell(new ScheduleDuty(duty), Self);
            }
        }

        foreach (var key in before?.Keys ?? Enumerable.Empty<string>())
        {
            _options.Scheduler.Tell(new CancelDuty(key, "the pool's state no longer calls for it"), Self);
        }
    }

    private IEnumerable<Duty> DutiesOf(object? state, TrackingSettings settings) => state switch
    {
        MegapoolTrackingState megapool => megapool.Duties(settings, _options.Own?.Megapools.Contains(megapool.Megapool) == true),
        MinipoolTrackingState minipool when minipool.Duty(settings) is { } duty => [duty],
        _ => [],
    };

    private void TellBeaconCandidates(Address pool, TrackedPool entry)
    {
        if (_options.BeaconWatcher is not { } watcher || entry.State is not MegapoolTrackingState state)
        {
            return;
        }

        var candidates = state.BeaconCandidates().ToArray();
        var told = candidates.Select(c => ((ulong)c.ValidatorId << 1) | (c.AwaitsFinalWithdrawal ? 1UL : 0UL)).ToArray();
        if (!told.SequenceEqual(entry.BeaconCandidates ?? []))
        {
            entry.BeaconCandidates = told.Length == 0 ? null : told;
            watcher.Tell(new BeaconCandidatesChanged(pool, candidates), Self);
        }
    }

    private void ReportLive()
    {
        if (_pools.Count != _reportedLive)
        {
            _reportedLive = _pools.Count;
            Context.Parent.Tell(new PoolsLive(_reportedLive), Self);
        }
    }

    private sealed record PassivationDue
    {
        public static PassivationDue Instance { get; } = new();
    }

    private sealed record RetryLoad
    {
        public static RetryLoad Instance { get; } = new();
    }
}
