using Akka.Actor;
using Keeper.Chain.Contracts.GoGoPool;
using Address = Keeper.Chain.Primitives.Address;
using Keeper.Chain.Watching.GoGoPool;

namespace Keeper.Actors.GoGoPool;

/// <summary>
/// Tracks one GoGoPool minipool, keyed by node ID, as a child of the <see cref="GoGoPoolRegistry"/>: a thin shell over
/// <see cref="GoGoMinipoolTrackingState"/> and <see cref="GoGoAlertRules"/>. At each chain time it is told it evaluates
/// the alerts and tells its parent what became active (<see cref="GoGoAlertRaised"/>), what ended
/// (<see cref="GoGoAlertCleared"/>), how its minipool looks (<see cref="GoGoMinipoolViewChanged"/>) and any irregular move.
/// </summary>
/// <remarks>
/// An alert is raised once per key in a run and stays active until its status episode ends (the status changes), even if
/// a settings change or a chain going back would no longer make it due: the owner was told, and only the chain moving
/// the minipool on settles it.
/// </remarks>
public sealed class GoGoMinipoolTracker : ReceiveActor
{
    private readonly GoGoAlertOptions _options;
    private readonly HashSet<string> _raised = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GoGoAlert> _active = new(StringComparer.Ordinal);
    private GoGoMinipoolTrackingState? _state;
    private GoGoPoolSettings? _settings;
    private ulong? _chainTime;
    private ulong? _nextAt;
    private bool _evaluated;
    private GoGoMinipoolView? _view;

    /// <summary>Creates the tracker with what the registry knows so far.</summary>
    public GoGoMinipoolTracker(GoGoPoolSettings? settings, GoGoAlertOptions options, ulong? chainTime)
    {
        _settings = settings;
        _options = options;
        _chainTime = chainTime;
        Receive<GoGoMinipoolRead>(OnRead);
        Receive<GoGoSettingsChanged>(m => Changed(() => _settings = m.Settings));
        Receive<GoGoChainTime>(OnChainTime);
        Receive<GoGoReorgNoted>(m => _state = _state?.Rewound(m.CommonAncestor));
    }

    /// <summary>The child name of the tracker of <paramref name="nodeId"/>.</summary>
    public static string NameOf(Address nodeId) => "minipool-" + nodeId.ToLowerHex();

    /// <summary>Props for a tracker.</summary>
    public static Props Props(GoGoPoolSettings? settings, GoGoAlertOptions options, ulong? chainTime) =>
        Akka.Actor.Props.Create(() => new GoGoMinipoolTracker(settings, options, chainTime));

    private void OnRead(GoGoMinipoolRead read)
    {
        if (_state is null)
        {
            Changed(() => _state = GoGoMinipoolTrackingState.Discover(read));
            return;
        }

        var update = _state.Apply(read);
        if (update.Kind == GoGoTransitionKind.Stale)
        {
            return;
        }

        if (update.IsIrregular)
        {
            Context.Parent.Tell(new GoGoTransitionIrregular(read.Minipool.NodeId, update.Kind, update.Path, read.Block.Number), Self);
        }

        if (update.EpisodeChanged)
        {
            var reason = update.Before.Status == update.After.Status
                ? $"it left {update.Before.Status} and came back in block {read.Block.Number}"
                : $"its status changed to {update.After.Status} in block {read.Block.Number}";
            foreach (var alert in _active.Values.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                Context.Parent.Tell(new GoGoAlertCleared(alert, reason), Self);
            }

            _active.Clear();
        }

        Changed(() => _state = update.After);
    }

    private void OnChainTime(GoGoChainTime m)
    {
        _chainTime = m.Time;
        // Alerts only become due as time passes, so nothing can change before the next boundary.
        if (!_evaluated || (_nextAt is { } next && m.Time >= next))
        {
            Evaluate();
            Report();
        }
    }

    private void Changed(Action change)
    {
        change();
        Evaluate();
        Report();
    }

    private void Evaluate()
    {
        _nextAt = null;
        _evaluated = _state is not null && _chainTime is not null;
        if (_state is null || _chainTime is not { } now)
        {
            return;
        }

        var evaluation = GoGoAlertRules.Evaluate(_state, _settings, _options, now);
        _nextAt = evaluation.NextAt;
        foreach (var alert in evaluation.Due)
        {
            if (_active.TryAdd(alert.Key, alert))
            {
                Context.Parent.Tell(new GoGoAlertRaised(alert, _raised.Add(alert.Key)), Self);
            }
        }
    }

    private void Report()
    {
        if (_state is null)
        {
            return;
        }

        var m = _state.Minipool;
        var view = new GoGoMinipoolView(m.NodeId, m.Owner, m.Status, _state.StatusSince, GoGoAlertRules.CycleEnd(_state, _settings),
            [.. _active.Keys.Order(StringComparer.Ordinal)]);
        if (view != _view)
        {
            _view = view;
            Context.Parent.Tell(new GoGoMinipoolViewChanged(view), Self);
        }
    }
}
