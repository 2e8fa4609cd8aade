using Akka.Actor;
using Keeper.Actors.Scheduling;
using Keeper.Chain.Beacon;
using Keeper.Chain.Watching;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>
/// Routes the watcher's events to one tracker per megapool and per legacy minipool, spawned on discovery. Trackers with
/// nothing pending are passivated; their next message revives them from their snapshot. Messages for a tracker that is
/// passivating are held and delivered to its successor, so nothing is lost.
/// </summary>
public sealed class PoolRegistry : ReceiveActor
{
    private readonly TrackerOptions _options;
    private readonly BeaconTime? _beaconTime;
    private readonly BeaconSource? _beacon;
    private readonly Dictionary<Address, bool> _pools = [];
    private readonly Dictionary<Address, IActorRef> _live = [];
    private readonly Dictionary<IActorRef, Address> _byRef = [];
    private readonly Dictionary<Address, List<object>> _held = [];
    private TrackingSettings? _settings;
    private TrackerOptions? _trackerOptions;

    private TrackerOptions TrackerOptions => _trackerOptions ?? _options;

    /// <summary>Creates the registry; with a <paramref name="beacon"/> it also watches validator exits on the beacon chain.</summary>
    public PoolRegistry(TrackerOptions options, BeaconSource? beacon = null)
    {
        _options = options;
        _beacon = beacon;
        _beaconTime = beacon?.Time;
        Receive<SettingsRead>(OnSettings);
        Receive<MegapoolValidatorRead>(m => Route(m.Megapool, true, new ValidatorObserved(m.ValidatorId, m.Info, m.Pubkey, m.Block.Number)));
        Receive<MinipoolRead>(m => Route(m.State.Minipool, false, new MinipoolObserved(m.State, m.Block.Number)));
        Receive<PoolForgotten>(OnForgotten);
        Receive<HeadAdvanced>(m => _options.Scheduler.Tell(new ChainHeadAdvanced(m.Block), Self));
        Receive<ChainReorged>(_ => { });
        Receive<PoolLogObserved>(_ => { });
        Receive<RouteBeaconExit>(m => Route(m.Megapool, true, new BeaconExitObserved(m.ValidatorId, m.WithdrawableEpoch)));
        Receive<RestoreTrackers>(OnRestore);
        Receive<PassivationRequested>(OnPassivationRequested);
        Receive<PassivationCancelled>(OnPassivationCancelled);
        Receive<Terminated>(OnTerminated);
        ReceiveAsync<SaveAllSnapshots>(_ => SaveAllAsync());
        Receive<GetRegistryStats>(_ => Sender.Tell(new RegistryStats(_pools.Count(p => p.Value), _pools.Count(p => !p.Value), _live.Count), Self));
    }

    /// <summary>Props for the registry.</summary>
    public static Props Props(TrackerOptions options, BeaconSource? beacon = null) => Akka.Actor.Props.Create(() => new PoolRegistry(options, beacon));

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (_beacon?.Client is { } client)
        {
            _trackerOptions = _options with { ExitWatcher = Context.ActorOf(ExitWatcher.Props(client, _beacon.CheckInterval), "exit-watcher") };
        }
    }

    private void OnSettings(SettingsRead m)
    {
        _settings = new TrackingSettings(m.Megapool.TimeBeforeDissolve, m.LaunchTimeout, m.Megapool.NotifyThresholdEpochs, _beaconTime, m.Megapool.DissolveCallerReward);
        foreach (var tracker in _live.Values)
        {
            tracker.Tell(new SettingsChanged(_settings), Self);
        }
    }

    private void OnForgotten(PoolForgotten m)
    {
        if (m.ValidatorId is { } id)
        {
            Route(m.Pool, true, new ValidatorForgotten(id));
        }
        else
        {
            Route(m.Pool, false, MinipoolForgotten.Instance);
        }
    }

    private void OnRestore(RestoreTrackers m)
    {
        foreach (var megapool in m.Megapools)
        {
            _pools[megapool] = true;
            Spawn(megapool);
        }

        foreach (var minipool in m.Minipools)
        {
            _pools[minipool] = false;
            Spawn(minipool);
        }
    }

    private void Route(Address pool, bool isMegapool, object message)
    {
        _pools.TryAdd(pool, isMegapool);
        if (_held.TryGetValue(pool, out var held))
        {
            held.Add(message);
            return;
        }

        var tracker = _live.TryGetValue(pool, out var live) ? live : Spawn(pool);
        tracker.Tell(message, Self);
    }

    private IActorRef Spawn(Address pool)
    {
        var props = _pools[pool]
            ? MegapoolTracker.Props(pool, TrackerOptions, _settings)
            : MinipoolTracker.Props(pool, TrackerOptions, _settings);
        var tracker = Context.ActorOf(props, $"{(_pools[pool] ? "megapool" : "minipool")}-{pool.ToLowerHex()}");
        Context.Watch(tracker);
        _live[pool] = tracker;
        _byRef[tracker] = pool;
        return tracker;
    }

    private void OnPassivationRequested(PassivationRequested m)
    {
        if (_byRef.TryGetValue(m.Tracker, out var pool) && !_held.ContainsKey(pool))
        {
            _held[pool] = [];
            m.Tracker.Tell(Passivate.Instance, Self);
        }
    }

    private void OnPassivationCancelled(PassivationCancelled m)
    {
        if (_byRef.TryGetValue(m.Tracker, out var pool) && _held.Remove(pool, out var held))
        {
            foreach (var message in held)
            {
                m.Tracker.Tell(message, Self);
            }
        }
    }

    private void OnTerminated(Terminated m)
    {
        if (!_byRef.Remove(m.ActorRef, out var pool))
        {
            return;
        }

        _live.Remove(pool);
        if (_held.Remove(pool, out var held) && held.Count > 0)
        {
            var successor = Spawn(pool);
            foreach (var message in held)
            {
                successor.Tell(message, Self);
            }
        }
    }

    private async Task SaveAllAsync()
    {
        var replyTo = Sender;
        var saves = _live.Values.Select(t => t.Ask<SnapshotSaved>(SaveSnapshot.Instance, TimeSpan.FromSeconds(30), CancellationToken.None));
        try
        {
            await Task.WhenAll(saves);
            replyTo.Tell(SnapshotSaved.Instance, Self);
        }
        catch (Exception ex) when (ex is AskTimeoutException or Persistence.SnapshotStoreException)
        {
            replyTo.Tell(new Status.Failure(ex), Self);
        }
    }
}
