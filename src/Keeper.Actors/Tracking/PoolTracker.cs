using Akka.Actor;
using Akka.Persistence;
using Keeper.Actors.Logging;
using Keeper.Actors.Persistence;
using Keeper.Actors.Scheduling;
using Microsoft.Extensions.Logging;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>
/// What megapool and minipool trackers share: a thin actor shell over an immutable state record. After every change it
/// derives the duties from the state and tells the scheduler only the difference. It restores its state from a
/// snapshot on start, saves one when asked, and asks to be passivated when it has nothing pending.
/// </summary>
/// <remarks>
/// Snapshots are the state records themselves, kept in Akka.Persistence's snapshot store under
/// <see cref="SnapshotScope.Tracker"/>. A tracker stays a <see cref="ReceiveActor"/> (a persistent actor weighs more, and
/// there is one tracker per pool) and asks the store from an async handler (<see cref="LatestSnapshot"/>) rather than
/// taking its replies as messages with Become and Stash. An async handler keeps the mailbox closed until the store
/// answers, as the awaited calls of the earlier store did, so what the registry and the tests rely on still holds: a
/// tracker handles nothing between <see cref="Passivate"/> and its stop or <see cref="PassivationCancelled"/>, and
/// nothing, not even an <see cref="Identify"/>, between its start and its restored state. With replies as messages,
/// <see cref="Identify"/> (never stashed) would be answered mid-load, and every barrier built on it would need a
/// tracker message of its own. The cost is one short-lived ask per load or save, and nothing per idle tracker but the
/// snapshot's sequence number.
/// </remarks>
public abstract partial class PoolTracker : ReceiveActor, IWithTimers, IWithUnboundedStash
{
    private ILogger? _log;
    private const string PassivationTimer = "passivate";
    private const string LoadTimer = "load";
    private readonly TrackerOptions _options;
    private Dictionary<string, Duty> _scheduled = new(StringComparer.Ordinal);
    private bool _dirty;
    // The sequence number of the last snapshot loaded or tried; every save tries the next one (see LatestSnapshot).
    private long _snapshotSequenceNr;

    /// <summary>The actor's keyed timers (set by Akka).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Messages set aside until the actor is ready for them (set by Akka).</summary>
    public IStash Stash { get; set; } = null!;

    /// <summary>A logger whose category is the actor's type.</summary>
    protected ILogger Log => _log ??= KeeperLogging.Of<PoolTracker>(Context);

    /// <summary>Creates the tracker of <paramref name="pool"/>.</summary>
    protected PoolTracker(Address pool, TrackerOptions options, TrackingSettings? settings)
    {
        Pool = pool;
        _options = options;
        Settings = settings;
    }

    /// <summary>The tracked pool.</summary>
    protected Address Pool { get; }

    /// <summary>The settings, or null until they have been read.</summary>
    protected TrackingSettings? Settings { get; private set; }

    /// <summary>Registers the subclass's handlers; called by <see cref="Start"/> for the active behaviour.</summary>
    protected abstract void ReceiveObservations();

    /// <summary>The duties the current state implies.</summary>
    protected abstract IEnumerable<Duty> CurrentDuties(TrackingSettings settings);

    /// <summary>The current state record, kept as the snapshot, or null when there is no state to keep (the snapshot is deleted).</summary>
    protected abstract object? SnapshotState { get; }

    /// <summary>Replaces the state with a snapshot's; false, and nothing changes, when it is not this kind of tracker's state.</summary>
    protected abstract bool RestoreState(object snapshot);

    /// <summary>Called after each change, before duties are reconciled.</summary>
    protected virtual void OnChanged()
    {
    }

    /// <summary>Enters the first behaviour: loading the snapshot if a store is configured, else active. Call at the end of the subclass constructor.</summary>
    protected void Start()
    {
        if (_options.Snapshots is null)
        {
            Become(Active);
        }
        else
        {
            Become(Loading);
            Self.Tell(Load.Instance, Self);
        }
    }

    /// <summary>Marks the state changed: re-derives duties, tells the scheduler the difference and restarts the passivation clock.</summary>
    protected void Changed()
    {
        _dirty = true;
        OnChanged();
        Reconcile();
    }

    private void Loading()
    {
        ReceiveAsync<Load>(_ => LoadAsync());
        ReceiveAny(_ => Stash.Stash());
    }

    private void Active()
    {
        ReceiveObservations();
        Receive<SettingsChanged>(m => { Settings = m.Settings; Reconcile(); });
        ReceiveAsync<SaveSnapshot>(_ => SaveAndReplyAsync());
        ReceiveAsync<Passivate>(_ => PassivateAsync());
        Receive<PassivationDue>(_ => OnPassivationDue());
    }

    private async Task LoadAsync()
    {
        SelectedSnapshot? snapshot;
        try
        {
            snapshot = await LatestSnapshot.LoadAsync(LatestSnapshot.StoreOf(Context.System), _options.Snapshots!.Tracker(Pool));
        }
        catch (SnapshotStoreException ex)
        {
            // Started empty, the tracker's next save would overwrite the snapshot it could not read: it keeps stashing and
            // tries again later (a timer, not a crash: a crash would retry at once, in a loop while the store is down).
            LogLoadFailed(Log, Pool.ToLowerHex(), LatestSnapshot.LoadRetryInterval.TotalSeconds, ex.Message);
            Timers.StartSingleTimer(LoadTimer, Load.Instance, LatestSnapshot.LoadRetryInterval);
            return;
        }

        if (snapshot is not null)
        {
            _snapshotSequenceNr = snapshot.Metadata.SequenceNr;
            if (RestoreState(snapshot.Snapshot))
            {
                OnChanged();
            }
        }

        Become(Active);
        Stash.UnstashAll();
        Reconcile();
    }

    private void Reconcile()
    {
        if (Settings is { } settings)
        {
            var duties = CurrentDuties(settings).ToDictionary(d => d.Key, StringComparer.Ordinal);
            foreach (var (key, duty) in duties)
            {
                if (!_scheduled.TryGetValue(key, out var previous) || previous != duty)
                {
                    _options.Scheduler.Tell(new ScheduleDuty(duty), Self);
                }
            }

            foreach (var key in _scheduled.Keys.Where(k => !duties.ContainsKey(k)))
            {
                _options.Scheduler.Tell(new CancelDuty(key, "the pool's state no longer calls for it"), Self);
            }

            _scheduled = duties;
        }

        if (_options.PassivateAfter is { } idle)
        {
            Timers.StartSingleTimer(PassivationTimer, PassivationDue.Instance, idle);
        }
    }

    private void OnPassivationDue()
    {
        if (_scheduled.Count == 0 && Settings is not null)
        {
            Context.Parent.Tell(new PassivationRequested(Self), Self);
        }
    }

    private async Task SaveAndReplyAsync()
    {
        var replyTo = Sender;
        try
        {
            await SaveAsync();
            replyTo.Tell(SnapshotSaved.Instance, Self);
        }
        catch (SnapshotStoreException ex)
        {
            // The state stays in memory and dirty; the next checkpoint tries again.
            LogSaveFailed(Log, Pool.ToLowerHex(), ex.Message);
            replyTo.Tell(new Status.Failure(ex), Self);
        }
    }

    private async Task PassivateAsync()
    {
        try
        {
            await SaveAsync();
        }
        catch (SnapshotStoreException ex)
        {
            // Without a snapshot the state would be lost: stay alive; the registry delivers what it held meanwhile.
            LogSaveFailed(Log, Pool.ToLowerHex(), ex.Message);
            Context.Parent.Tell(new PassivationCancelled(Self), Self);
            return;
        }

        LogPassivated(Log, Pool.ToLowerHex());
        Context.Stop(Self);
    }

    private async Task SaveAsync()
    {
        if (!_dirty || _options.Snapshots is not { } scope)
        {
            return;
        }

        var store = LatestSnapshot.StoreOf(Context.System);
        if (SnapshotState is { } state)
        {
            await LatestSnapshot.SaveAsync(store, scope.Tracker(Pool), ++_snapshotSequenceNr, state, Context.System.Scheduler.Now.UtcDateTime, Log);
        }
        else
        {
            await LatestSnapshot.DeleteAllAsync(store, scope.Tracker(Pool));
        }

        _dirty = false;
    }

    private sealed record Load
    {
        public static Load Instance { get; } = new();
    }

    private sealed record PassivationDue
    {
        public static PassivationDue Instance { get; } = new();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tracker of {Pool} could not load its snapshot; it holds its messages and tries again in {RetrySeconds} s: {Reason}")]
    private static partial void LogLoadFailed(ILogger logger, string pool, double retrySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tracker of {Pool} could not save its snapshot: {Reason}")]
    private static partial void LogSaveFailed(ILogger logger, string pool, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tracker of {Pool} passivated (nothing pending)")]
    private static partial void LogPassivated(ILogger logger, string pool);
}
