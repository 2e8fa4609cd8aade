using Akka.Actor;
using Keeper.Actors.Scheduling;

namespace Keeper.Benchmarks.Scenarios;

/// <summary>
/// Sits in front of the deadline scheduler and forwards everything to it. Once it has forwarded as many
/// <see cref="ScheduleDuty"/>s as expected it asks the scheduler for its duties (after those, since they come from the
/// same sender) and completes <c>held</c> when the scheduler holds them all. The scenario thus learns when the cold start
/// is done without polling the scheduler, whose snapshot of 55,000 duties would compete with the work being measured.
/// </summary>
internal sealed class DutyCounter : ReceiveActor
{
    public DutyCounter(IActorRef scheduler, int expected, TaskCompletionSource<int> held)
    {
        var forwarded = 0;
        var asking = false;
        Receive<ScheduleDuty>(m =>
        {
            scheduler.Forward(m);
            if (++forwarded >= expected && !asking)
            {
                asking = true;
                scheduler.Tell(GetDuties.Instance, Self);
            }
        });
        Receive<DutiesSnapshot>(m =>
        {
            asking = false;
            if (m.Duties.Count >= expected)
            {
                held.TrySetResult(m.Duties.Count);
            }
        });
        ReceiveAny(m => scheduler.Forward(m));
    }

    public static Props Props(IActorRef scheduler, int expected, TaskCompletionSource<int> held) =>
        Akka.Actor.Props.Create(() => new DutyCounter(scheduler, expected, held));
}
