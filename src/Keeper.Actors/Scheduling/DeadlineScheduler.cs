using Akka.Actor;
using Keeper.Actors.Logging;
using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Scheduling;

/// <summary>
/// Holds every duty and publishes each to its subscribers once, when the next block's timestamp reaches its due time,
/// so the action can land in the first block where it is valid. Chain time comes only from heads: the next block's
/// timestamp is the head's timestamp plus one slot. Rescheduled, cancelled or reorged duties are retracted.
/// </summary>
public sealed partial class DeadlineScheduler : ReceiveActor
{
    private ILogger? _log;
    private readonly DeadlineBook _book = new();
    private readonly HashSet<IActorRef> _subscribers = [];
    private readonly ulong _slotSeconds;

    private ILogger Log => _log ??= KeeperLogging.Of<DeadlineScheduler>(Context);

    /// <summary>Creates the scheduler; <paramref name="slotSeconds"/> is the chain's block interval.</summary>
    public DeadlineScheduler(ulong slotSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(slotSeconds);
        _slotSeconds = slotSeconds;
        Receive<ScheduleDuty>(m => Publish(_book.Schedule(m.Duty)));
        Receive<CancelDuty>(m => Publish(_book.Cancel(m.Key, m.Reason)));
        Receive<ChainHeadAdvanced>(OnHead);
        Receive<SubscribeDuties>(OnSubscribe);
        Receive<Terminated>(m => _subscribers.Remove(m.ActorRef));
        Receive<GetDuties>(_ => Sender.Tell(Snapshot(), Self));
    }

    /// <summary>Props for the scheduler.</summary>
    public static Props Props(ulong slotSeconds) => Akka.Actor.Props.Create(() => new DeadlineScheduler(slotSeconds));

    private void OnHead(ChainHeadAdvanced m)
    {
        var next = m.Head.Timestamp + _slotSeconds;
        Publish(_book.AdvanceTo(next));
        Publish([new ChainTimeAdvanced(m.Head, next)]);
    }

    private void OnSubscribe(SubscribeDuties m)
    {
        if (_subscribers.Add(m.Subscriber))
        {
            Context.Watch(m.Subscriber);
        }
    }

    private void Publish(IReadOnlyList<DutyNotice> notices)
    {
        foreach (var notice in notices)
        {
            if (notice is DutyDue due)
            {
                LogDue(Log, due.Duty.Key, due.Duty.DueAt, due.NextBlockTime);
            }
            else if (notice is DutyCancelled cancelled)
            {
                LogCancelled(Log, cancelled.Key, cancelled.Reason);
            }

            foreach (var subscriber in _subscribers)
            {
                subscriber.Tell(notice, Self);
            }
        }
    }

    private DutiesSnapshot Snapshot()
    {
        var duties = _book.All().OrderBy(d => d.DueAt).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => (d, _book.IsPublished(d.Key))).ToArray();
        return new DutiesSnapshot(_book.ChainTime, duties) { SlotSeconds = _slotSeconds };
    }
}
