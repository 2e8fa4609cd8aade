using System.Buffers.Binary;
using Akka.Actor;
using Keeper.Actors.Scheduling;
using Keeper.Chain.Beacon;
using Keeper.Chain.Watching;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>
/// Routes the watcher's events to the tracker shards (<see cref="TrackerShard"/>), each pool to the shard its address
/// falls in, spawning shards on demand. A shard left with no pool (each was passivated) is stopped; its next message
/// revives it, and its pools come back from their snapshots. Messages for a shard that is passivating are held and
/// delivered to its successor, so nothing is lost.
/// </summary>
public sealed class PoolRegistry : ReceiveActor
{
    private readonly TrackerOptions _options;
    private readonly BeaconTime? _beaconTime;
    private readonly BeaconSource? _beacon;
    private readonly Dictionary<Address, bool> _pools = [];
    private readonly IActorRef?[] _shards;
    private readonly int[] _live;
    private readonly List<WatcherEvent>?[] _routing;
    private readonly Dictionary<IActorRef, int> _byRef = [];
    private readonly Dictionary<int, List<object>> _held = [];
    private int _megapools;
    private TrackingSettings? _settings;
    private TrackerOptions? _trackerOptions;

    private TrackerOptions TrackerOptions => _trackerOptions ?? _options;

    /// <summary>Creates the registry; with a <paramref name="beacon"/> it also watches validator exits on the beacon chain.</summary>
    public PoolRegistry(TrackerOptions options, BeaconSource? beacon = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Shards, 1, "TrackerOptions.Shards");
        _options = options;
        _beacon = beacon;
        _beaconTime = beacon?.Time;
        _shards = new IActorRef?[options.Shards];
        _live = new int[options.Shards];
        _routing = new List<WatcherEvent>?[options.Shards];
        Receive<WatcherEvents>(m => PassOn(m, m.Events));
        Receive<WatcherEvent>(m => PassOn(m, [m]));
        Receive<RouteBeaconFacts>(m => Deliver(ShardOf(Known(m.Megapool, true)), m));
        Receive<RouteFinalWithdrawal>(m => Deliver(ShardOf(Known(m.Megapool, true)), m));
        Receive<RestoreTrackers>(OnRestore);
        Receive<PoolsLive>(OnPoolsLive);
        Receive<PassivationRequested>(OnPassivationRequested);
        Receive<PassivationCancelled>(OnPassivationCancelled);
        Receive<Terminated>(OnTerminated);
        ReceiveAsync<SaveAllSnapshots>(_ => SaveAllAsync());
        Receive<GetRegistryStats>(_ => Sender.Tell(new RegistryStats(_megapools, _pools.Count - _megapools, _live.Sum()), Self));
        Receive<GetTrackerOf>(m => Sender.Tell(new TrackerOf(m.Pool, _shards[ShardOf(m.Pool)]), Self));
    }

    /// <summary>Props for the registry.</summary>
    public static Props Props(TrackerOptions options, BeaconSource? beacon = null) => Akka.Actor.Props.Create(() => new PoolRegistry(options, beacon));

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (_beacon?.Client is { } client)
        {
            _trackerOptions = _options with { BeaconWatcher = Context.ActorOf(BeaconWatcher.Props(client, _beacon, _beacon.Proofs), "beacon-watcher") };
        }
    }

    // Addresses are hashes (CREATE and CREATE2), so their last bytes spread pools evenly over the shards.
    private int ShardOf(Address pool) => (int)(BinaryPrimitives.ReadUInt32BigEndian(pool.Bytes[^4..]) % (uint)_shards.Length);

    private Address Known(Address pool, bool isMegapool)
    {
        if (_pools.TryAdd(pool, isMegapool) && isMegapool)
        {
            _megapools++;
        }

        return pool;
    }

    // Events go to the shards in chain order, grouped per shard; settings and heads are passed on between the groups,
    // exactly where they fell.
    private void Route(IReadOnlyList<WatcherEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case SettingsRead m:
                    Flush();
                    OnSettings(m);
                    break;
                case HeadAdvanced m:
                    Flush();
                    _options.Scheduler.Tell(new ChainHeadAdvanced(m.Block), Self);
                    _trackerOptions?.BeaconWatcher?.Tell(new BeaconCheckDue(m.Block.Timestamp), Self);
                    break;
                case MegapoolValidatorRead m:
                    Queue(Known(m.Megapool, true), m);
                    break;
                case MinipoolRead m:
                    Queue(Known(m.State.Minipool, false), m);
                    break;
                case PoolForgotten m:
                    Queue(Known(m.Pool, m.ValidatorId is not null), m);
                    break;
            }
        }

        Flush();
    }

    private void Queue(Address pool, WatcherEvent e) => (_routing[ShardOf(pool)] ??= []).Add(e);

    private void Flush()
    {
        for (var shard = 0; shard < _routing.Length; shard++)
        {
            if (_routing[shard] is { } events)
            {
                _routing[shard] = null;
                Deliver(shard, new WatcherEvents(events));
            }
        }
    }

    private void OnSettings(SettingsRead m)
    {
        _settings = new TrackingSettings(m.Megapool.TimeBeforeDissolve, m.LaunchTimeout, m.Megapool.NotifyThresholdEpochs, m.Megapool.UserDistributeDelayEpochs, m.Megapool.UserDistributeDelayWithShortfallEpochs, _beaconTime, m.Megapool.DissolveCallerReward, m.Megapool.LateNotifyFine);
        foreach (var shard in _byRef.Keys)
        {
            shard.Tell(new SettingsChanged(_settings), Self);
        }
    }

    // The operator accounts follow the same events (which megapools exist, which changed, the heads) as the trackers.
    private void PassOn(object message, IReadOnlyList<WatcherEvent> events)
    {
        _options.Accounts?.Tell(message, Self);
        Route(events);
    }

    private void OnRestore(RestoreTrackers m)
    {
        _options.Accounts?.Tell(m, Self);
        foreach (var group in m.Megapools.Select(p => Known(p, true)).Concat(m.Minipools.Select(p => Known(p, false))).GroupBy(ShardOf))
        {
            Deliver(group.Key, new RestorePools([.. group]));
        }
    }

    private void Deliver(int shard, object message)
    {
        if (_held.TryGetValue(shard, out var held))
        {
            held.Add(message);
            return;
        }

        (_shards[shard] ?? Spawn(shard)).Tell(message, Self);
    }

    private IActorRef Spawn(int shard)
    {
        var tracker = Context.ActorOf(TrackerShard.Props(TrackerOptions, _settings), $"pools-{shard}");
        Context.Watch(tracker);
        _shards[shard] = tracker;
        _byRef[tracker] = shard;
        return tracker;
    }

    private void OnPoolsLive(PoolsLive m)
    {
        if (_byRef.TryGetValue(Sender, out var shard))
        {
            _live[shard] = m.Count;
        }
    }

    private void OnPassivationRequested(PassivationRequested m)
    {
        if (_byRef.TryGetValue(m.Tracker, out var shard) && !_held.ContainsKey(shard))
        {
            _held[shard] = [];
            m.Tracker.Tell(Passivate.Instance, Self);
        }
    }

    private void OnPassivationCancelled(PassivationCancelled m)
    {
        if (_byRef.TryGetValue(m.Tracker, out var shard) && _held.Remove(shard, out var held))
        {
            foreach (var message in held)
            {
                m.Tracker.Tell(message, Self);
            }
        }
    }

    private void OnTerminated(Terminated m)
    {
        if (!_byRef.Remove(m.ActorRef, out var shard))
        {
            return;
        }

        _shards[shard] = null;
        _live[shard] = 0;
        if (_held.Remove(shard, out var held) && held.Count > 0)
        {
            var successor = Spawn(shard);
            foreach (var message in held)
            {
                successor.Tell(message, Self);
            }
        }
    }

    private async Task SaveAllAsync()
    {
        var replyTo = Sender;
        // A passivating shard saves everything before it stops, and its successor gets what arrives meanwhile.
        var saves = _byRef.Where(s => !_held.ContainsKey(s.Value))
            .Select(s => s.Key.Ask<SnapshotSaved>(SaveSnapshot.Instance, TimeSpan.FromSeconds(30), CancellationToken.None));
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
