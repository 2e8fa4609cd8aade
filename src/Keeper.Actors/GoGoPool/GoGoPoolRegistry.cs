using Akka.Actor;
using Keeper.Actors.Logging;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Watching;
using Keeper.Chain.Watching.GoGoPool;
using Microsoft.Extensions.Logging;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.GoGoPool;

/// <summary>
/// Receives the GoGoPool watcher's events in chain order: keeps the settings and the rewards cycle, whose next start it
/// schedules as a duty; creates a <see cref="GoGoMinipoolTracker"/> for each node ID on first sight and hands it its reads;
/// tells every tracker the chain time at each head, then the scheduler. It keeps the alert board from what the trackers
/// report (never asking them), logs each raise and clear once, and answers <see cref="GetGoGoPoolStatus"/>.
/// </summary>
public sealed partial class GoGoPoolRegistry : ReceiveActor
{
    private ILogger? _log;
    private readonly GoGoPoolRegistryOptions _options;
    private readonly Dictionary<Address, IActorRef> _trackers = [];
    private readonly SortedDictionary<Address, GoGoMinipoolView> _views = [];
    private readonly Dictionary<string, GoGoAlert> _alerts = new(StringComparer.Ordinal);
    private readonly Dictionary<GoGoAlertKind, long> _raised = GoGoAlertKinds.All.ToDictionary(k => k, _ => 0L);
    private GoGoPoolSettings? _settings;
    private GoGoRewardsCycleRead? _cycle;
    private Duty? _cycleDuty;
    private BlockRef? _head;

    /// <summary>Creates the registry.</summary>
    public GoGoPoolRegistry(GoGoPoolRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Receive<GoGoSettingsRead>(OnSettings);
        Receive<GoGoRewardsCycleRead>(OnCycle);
        Receive<GoGoMinipoolRead>(m => TrackerOf(m.Minipool.NodeId).Tell(m, Self));
        Receive<GoGoChainReorged>(OnReorg);
        Receive<GoGoHeadAdvanced>(OnHead);
        Receive<GoGoAlertRaised>(OnRaised);
        Receive<GoGoAlertCleared>(OnCleared);
        Receive<GoGoMinipoolViewChanged>(m => _views[m.View.NodeId] = m.View);
        Receive<GoGoTransitionIrregular>(OnIrregular);
        Receive<GetGoGoPoolStatus>(_ => Sender.Tell(Status(), Self));
    }

    private ILogger Log => _log ??= KeeperLogging.Of<GoGoPoolRegistry>(Context);

    /// <summary>Props for the registry.</summary>
    public static Props Props(GoGoPoolRegistryOptions options) => Akka.Actor.Props.Create(() => new GoGoPoolRegistry(options));

    private IActorRef TrackerOf(Address nodeId)
    {
        if (!_trackers.TryGetValue(nodeId, out var tracker))
        {
            tracker = Context.ActorOf(GoGoMinipoolTracker.Props(_settings, _options.Alerts, _head?.Timestamp), GoGoMinipoolTracker.NameOf(nodeId));
            _trackers[nodeId] = tracker;
        }

        return tracker;
    }

    private void OnSettings(GoGoSettingsRead m)
    {
        if (m.Settings == _settings)
        {
            return;
        }

        _settings = m.Settings;
        foreach (var tracker in _trackers.Values)
        {
            tracker.Tell(new GoGoSettingsChanged(m.Settings), Self);
        }

        ScheduleCycle();
    }

    private void OnCycle(GoGoRewardsCycleRead m)
    {
        _cycle = m;
        ScheduleCycle();
    }

    // One duty per cycle count: when the count moves on (a start was mined, or a reorg undid one) the old key's duty goes.
    private void ScheduleCycle()
    {
        if (_cycle is not { } read || _settings is not { } settings)
        {
            return;
        }

        var duty = new Duty(TaskKeys.StartRewardsCycle(read.RewardsPool, read.Cycle.Count), DutyKind.StartRewardsCycle, read.RewardsPool, null, read.Cycle.NextStartTime(settings));
        if (duty == _cycleDuty)
        {
            return;
        }

        if (_cycleDuty is { } previous && previous.Key != duty.Key)
        {
            _options.Scheduler.Tell(new CancelDuty(previous.Key, $"the rewards cycle count is {read.Cycle.Count} at block {read.Block.Number}"), Self);
        }

        _cycleDuty = duty;
        _options.Scheduler.Tell(new ScheduleDuty(duty), Self);
        LogCycleScheduled(Log, read.Cycle.Count, duty.DueAt);
    }

    private void OnReorg(GoGoChainReorged m)
    {
        foreach (var tracker in _trackers.Values)
        {
            tracker.Tell(new GoGoReorgNoted(m.Reorg.CommonAncestor.Number), Self);
        }
    }

    // Trackers first, then the scheduler, as the Rocket Pool registry does: whatever a read before this head changed is
    // scheduled before the head makes it due.
    private void OnHead(GoGoHeadAdvanced m)
    {
        _head = m.Block;
        var time = new GoGoChainTime(m.Block.Timestamp);
        foreach (var tracker in _trackers.Values)
        {
            tracker.Tell(time, Self);
        }

        _options.Scheduler.Tell(new ChainHeadAdvanced(m.Block), Self);
    }

    private void OnRaised(GoGoAlertRaised m)
    {
        _alerts[m.Alert.Key] = m.Alert;
        if (m.First)
        {
            _raised[m.Alert.Kind]++;
            LogAlertRaised(Log, m.Alert.Own ? LogLevel.Warning : LogLevel.Information, m.Alert.Kind.WireName(), m.Alert.Key, m.Alert.Message);
        }
    }

    private void OnCleared(GoGoAlertCleared m)
    {
        if (_alerts.Remove(m.Alert.Key))
        {
            LogAlertCleared(Log, m.Alert.Own ? LogLevel.Warning : LogLevel.Information, m.Alert.Kind.WireName(), m.Alert.Key, m.Reason);
        }
    }

    private void OnIrregular(GoGoTransitionIrregular m)
    {
        var path = string.Join(" -> ", m.Path);
        if (m.Kind == GoGoTransitionKind.Forbidden)
        {
            LogForbidden(Log, m.NodeId.ToLowerHex(), path, m.Block);
        }
        else
        {
            LogSkipped(Log, m.NodeId.ToLowerHex(), path, m.Block);
        }
    }

    private GoGoPoolStatus Status()
    {
        var cycle = _cycle is { } c
            ? new GoGoRewardsCycleView(c.RewardsPool, c.Cycle.Count, c.Cycle.StartTime, _settings is { } s ? c.Cycle.NextStartTime(s) : null, c.Cycle.CanStart)
            : null;
        var alerts = _alerts.Values.OrderBy(a => a.RaisedAt).ThenBy(a => a.Key, StringComparer.Ordinal).ToArray();
        return new GoGoPoolStatus(_head, cycle, [.. _views.Values], alerts, new Dictionary<GoGoAlertKind, long>(_raised));
    }
}
