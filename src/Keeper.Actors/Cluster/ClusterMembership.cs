using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Keeper.Actors.Gate;
using Keeper.Actors.Logging;
using Keeper.Actors.Persistence;
using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Cluster;

/// <summary>
/// Tells the gate who takes turns: the reachable Up members with the keeper role, from Akka.Cluster's events, and which
/// node ids are still alive (not downed or removed), so a dead holder's claim can be taken over. It also asks the shared
/// store every probe interval whether it answers: a node cut off from the store (where the claims, the fence, live) keeps
/// tracking but sends nothing, and takes turns again as soon as the store answers. One signing key, one active member:
/// the submitter starts, and this node takes turns, only once this node is Up and no older member signs for its key; a
/// newer member with the key of an older one shuts itself down (<see cref="ClusterView.CheckSigner"/>).
/// </summary>
public sealed partial class ClusterMembership : ReceiveActor, IWithTimers
{
    private readonly ClusterMembershipOptions _options;
    private ILogger? _log;
    private ClusterView _view;
    private bool? _storeReachable;
    private bool _probing;
    private MembershipChanged? _last;
    private ImmutableDictionary<string, DateTimeOffset> _lastHeard = ImmutableDictionary<string, DateTimeOffset>.Empty;

    /// <summary>Creates the actor; it subscribes to the cluster's events and starts probing the store when it starts.</summary>
    public ClusterMembership(ClusterMembershipOptions options)
    {
        _options = options;
        _view = ClusterView.Empty(options.Self ?? Akka.Cluster.Cluster.Get(Context.System).SelfUniqueAddress);
        Receive<ClusterEvent.CurrentClusterState>(state => Update(_view.With(state), snapshot: true));
        Receive<ClusterEvent.IMemberEvent>(change => Update(_view.Apply(change), snapshot: false));
        Receive<ClusterEvent.ReachabilityEvent>(change => Update(_view.Apply(change), snapshot: false));
        Receive<UpWarning>(_ => WarnNotUp());
        Receive<ProbeStore>(_ => Probe());
        Receive<StoreProbed>(OnProbed);
        Receive<GetClusterMembers>(_ => Sender.Tell(Members(), Self));
        Receive<SendHeartbeats>(_ => SendHeartbeat());
        Receive<MemberHeartbeat>(heartbeat => _lastHeard = _lastHeard.SetItem(heartbeat.Node, Context.System.Scheduler.Now));
    }

    /// <summary>The actor's keyed timers (set by Akka).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    private ILogger Log => _log ??= KeeperLogging.Of<ClusterMembership>(Context);

    /// <summary>Props for the actor.</summary>
    public static Props Props(ClusterMembershipOptions options) => Akka.Actor.Props.Create(() => new ClusterMembership(options));

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (_options.Subscribe)
        {
            Akka.Cluster.Cluster.Get(Context.System).Subscribe(
                Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        }

        Self.Tell(ProbeStore.Instance, Self);
        Timers.StartPeriodicTimer("probe", ProbeStore.Instance, _options.ProbeInterval);
        Timers.StartSingleTimer("up-warning", UpWarning.Instance, _options.UpWarningAfter);
        if (_options.Subscribe)
        {
            Timers.StartPeriodicTimer("heartbeat", SendHeartbeats.Instance, _options.HeartbeatInterval);
        }

        LogWaitingToSign(Log, _view.Self.Address.ToString());
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        if (_options.Subscribe)
        {
            Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);
        }
    }

    private void Update(ClusterView view, bool snapshot)
    {
        foreach (var (node, member) in view.Members)
        {
            if (!_view.Members.TryGetValue(node, out var before) || before.Display != member.Display)
            {
                LogMember(Log, member.NodeId, member.Signer.ToString(), member.Display, node.Address.ToString());
            }
        }

        foreach (var gone in _view.Members.Keys.Where(node => !view.Members.ContainsKey(node)))
        {
            LogRemoved(Log, _view.Members[gone].NodeId, gone.Address.ToString());
        }

        if (!IsDown(_view) && IsDown(view))
        {
            LogSelfDowned(Log, view.Self.Address.ToString());
        }

        _view = view;
        // A member that left is no longer shown; one that comes back is heard from again.
        _lastHeard = _lastHeard.RemoveRange(_lastHeard.Keys.Where(node => !view.Members.Keys.Any(m => m.Address.ToString() == node)));
        CheckSigner(snapshot);
        Publish();
    }

    private static bool IsDown(ClusterView view) =>
        view.Members.TryGetValue(view.Self, out var self) && self.Status is MemberStatus.Down or MemberStatus.Removed;

    private void Probe()
    {
        if (_probing)
        {
            return;
        }

        _probing = true;
        ProbeAsync().PipeTo(Self);
    }

    private async Task<StoreProbed> ProbeAsync()
    {
        using var timeout = new CancellationTokenSource(_options.ProbeTimeout);
        try
        {
            await _options.Store.CheckAsync(timeout.Token);
            return new StoreProbed(null);
        }
        catch (StoreException ex)
        {
            return new StoreProbed(ex.Message);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new StoreProbed($"the store did not answer within {_options.ProbeTimeout.TotalSeconds:0.###} s");
        }
    }

    private void OnProbed(StoreProbed probed)
    {
        _probing = false;
        var reachable = probed.Failure is null;
        // One line per change; a store that answers the first probe is how a healthy start goes, not news.
        if (_storeReachable != reachable && !(_storeReachable is null && reachable))
        {
            if (reachable)
            {
                LogStoreBack(Log);
            }
            else
            {
                LogStoreUnreachable(Log, probed.Failure!);
            }
        }

        _storeReachable = reachable;
        Publish();
    }

    // Nothing is published before the store has answered or failed once: until then the gate, waiting for its first
    // view, sends nothing.
    private void Publish()
    {
        if (_storeReachable is not { } reachable)
        {
            return;
        }

        // This node counts itself among the gate's members only once its submitter runs.
        var changed = new MembershipChanged(_view.TurnHolders, reachable, _view.LiveMemberIds, _view.SelfUp && _signing == Signing.Started);
        if (_last is not null && _last.StoreReachable == changed.StoreReachable && _last.SelfUp == changed.SelfUp
            && _last.Members.SequenceEqual(changed.Members) && _last.LiveMemberIds!.SetEquals(changed.LiveMemberIds!))
        {
            return;
        }

        LogView(Log, changed.Members.Count, changed.SelfUp, reachable);
        _options.Gate.Tell(changed, Self);
        foreach (var (gate, _) in _options.OtherChains)
        {
            gate.Tell(changed, Self);
        }

        _last = changed;
    }

    private ClusterMembers Members() => new(
        _view.Self.Address.ToString(),
        _view.Members.Values.OrderBy(m => m.Signer).ThenBy(m => m.Node.Address.ToString(), StringComparer.Ordinal).ToArray(),
        _storeReachable == true)
    {
        LastHeard = _lastHeard,
        At = Context.System.Scheduler.Now,
    };

    // Every other keeper member that may still answer (unreachable ones too: a heartbeat that arrives shows it is back).
    private void SendHeartbeat()
    {
        var self = _view.Self.Address.ToString();
        var heartbeat = new MemberHeartbeat(self);
        foreach (var member in _view.Members.Values.Where(m => m.Alive && m.Node != _view.Self))
        {
            Context.ActorSelection(new RootActorPath(member.Node.Address) / Self.Path.Elements).Tell(heartbeat, Self);
        }
    }

    private sealed record SendHeartbeats
    {
        public static SendHeartbeats Instance { get; } = new();
    }

    private sealed record ProbeStore
    {
        public static ProbeStore Instance { get; } = new();
    }

    private sealed record StoreProbed(string? Failure);
}
