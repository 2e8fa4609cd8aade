using Akka.Actor;
using Keeper.Actors.Logging;
using Keeper.Actors.Scheduling;
using Microsoft.Extensions.Logging;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>
/// Warns the operator well before the deadlines of its own validators (keeper.own): trackers tell it each own megapool's
/// deadlines, the scheduler tells it chain time at every head. A deadline entering its warning lead time is logged once,
/// not once per block, and logged again only if it leaves and re-enters (a reorg, a changed setting); the counts behind the
/// metrics and the dashboard come from <see cref="GetOwnStatus"/>.
/// </summary>
/// <remarks>Chain time is the only clock for deadlines (a devnet moves it by days at once), so there is no timer here: the
/// warning starts at the first head whose next block reaches it.</remarks>
public sealed partial class OwnDeadlineWatch : ReceiveActor
{
    private ILogger? _log;
    private readonly IActorRef _scheduler;
    private readonly OwnWarningOptions _options;
    private readonly Dictionary<Address, IReadOnlyList<OwnDeadline>> _deadlines = [];
    private HashSet<(string Key, ulong At)> _warned = [];
    private OwnStatus _status = OwnStatus.Empty;

    /// <summary>Creates the watch; it subscribes to <paramref name="scheduler"/> for chain time.</summary>
    public OwnDeadlineWatch(IActorRef scheduler, OwnWarningOptions options)
    {
        _scheduler = scheduler;
        _options = options;
        Receive<OwnDeadlinesChanged>(OnDeadlines);
        Receive<ChainTimeAdvanced>(m => Evaluate(m.NextBlockTime));
        Receive<DutyNotice>(_ => { });
        Receive<GetOwnStatus>(_ => Sender.Tell(_status, Self));
    }

    private ILogger Log => _log ??= KeeperLogging.Of<OwnDeadlineWatch>(Context);

    /// <summary>Props for the watch.</summary>
    public static Props Props(IActorRef scheduler, OwnWarningOptions options) => Akka.Actor.Props.Create(() => new OwnDeadlineWatch(scheduler, options));

    /// <inheritdoc />
    protected override void PreStart() => _scheduler.Tell(new SubscribeDuties(Self), Self);

    private void OnDeadlines(OwnDeadlinesChanged m)
    {
        if (m.Deadlines.Count == 0)
        {
            _deadlines.Remove(m.Megapool);
        }
        else
        {
            _deadlines[m.Megapool] = m.Deadlines;
        }

        Evaluate(_status.ChainTime);
    }

    private void Evaluate(ulong? chainTime)
    {
        _status = OwnStatus.At(chainTime, _deadlines.Values.SelectMany(d => d), _options);
        var warned = new HashSet<(string, ulong)>();
        foreach (var view in _status.Deadlines.Where(v => v.AtRisk))
        {
            var d = view.Deadline;
            if (!_warned.Contains((d.Key, d.At)))
            {
                var at = DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(d.At, (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
                if (d.Kind == OwnDeadlineKind.Stake)
                {
                    LogStakeDue(Log, d.Megapool.ToLowerHex(), d.ValidatorId, at, view.SecondsLeft);
                }
                else
                {
                    LogNotifyDue(Log, d.Megapool.ToLowerHex(), d.ValidatorId, at, view.SecondsLeft);
                }
            }

            warned.Add((d.Key, d.At));
        }

        _warned = warned;
    }
}
