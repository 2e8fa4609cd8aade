using Akka.Actor;

namespace Keeper.Benchmarks.Actors;

/// <summary>An actor with one handler, as small as a real one gets; it signals its countdown once it runs.</summary>
internal sealed class IdleActor : ReceiveActor
{
    private readonly CountdownEvent _started;

    public IdleActor(CountdownEvent started)
    {
        _started = started;
        Receive<Ping>(_ => { });
    }

    protected override void PreStart() => _started.Signal();
}
