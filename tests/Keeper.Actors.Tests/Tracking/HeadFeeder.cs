using Keeper.Actors.Runtime;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;

namespace Keeper.Actors.Tests.Tracking;

/// <summary>A simulated chain for actor tests: a head every slot of the manual clock, its timestamp the clock's time.</summary>
internal sealed class HeadFeeder : ReceiveActor
{
    private ulong _number;

    public HeadFeeder(IActorRef registry, TimeSpan slot)
    {
        Receive<Tick>(_ =>
        {
            var now = (ulong)Context.System.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
            registry.Tell(new HeadAdvanced(new BlockRef(++_number, Hash32.Zero, now)), Self);
        });
        Timers.StartPeriodicTimer("head", Tick.Instance, slot);
    }

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}
