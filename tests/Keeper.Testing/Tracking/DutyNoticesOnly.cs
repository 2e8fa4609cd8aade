using Akka.Actor;
using Keeper.Actors.Scheduling;

namespace Keeper.Testing.Tracking;

/// <summary>Passes duty notices to a probe and drops the per-head chain-time notices, so tests can expect silence.</summary>
public sealed class DutyNoticesOnly : ReceiveActor
{
    public DutyNoticesOnly(IActorRef target)
    {
        Receive<ChainTimeAdvanced>(_ => { });
        Receive<DutyNotice>(m => target.Tell(m, Sender));
    }
}
