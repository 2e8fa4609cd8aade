using Keeper.Actors.Runtime;

namespace Keeper.Benchmarks.Actors;

/// <summary>An actor with one handler, as small as a real one gets.</summary>
internal sealed class IdleActor : ReceiveActor
{
    public IdleActor() => Receive<Ping>(_ => { });
}
