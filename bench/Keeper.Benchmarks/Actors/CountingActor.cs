using Akka.Actor;

namespace Keeper.Benchmarks.Actors;

/// <summary>Counts messages; when it has seen <c>latch.PerActor</c> of them it signals the shared latch.</summary>
internal sealed class CountingActor : ReceiveActor
{
    public CountingActor(Latch latch)
    {
        var count = 0L;
        Receive<Ping>(_ =>
        {
            if (++count == latch.PerActor)
            {
                count = 0;
                latch.Signal();
            }
        });
    }
}
