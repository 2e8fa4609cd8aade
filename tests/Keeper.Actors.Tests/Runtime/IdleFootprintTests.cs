using Keeper.Actors.Runtime;
using Xunit;

namespace Keeper.Actors.Tests.Runtime;

/// <summary>
/// Guards the memory target (under 1 KB per idle actor). Measured with the GC's own count, so it runs alone: no
/// other test allocates while it measures.
/// </summary>
[Collection(HeavyTestsCollection.Name)]
public sealed class IdleFootprintTests
{
    [Fact]
    public async Task ActorOf_HundredThousandIdleActorsThatEachHandledAMessage_RetainUnderOneKilobyteEach()
    {
        const int Actors = 100_000;
        await using var system = ActorSystem.Create("footprint", new ActorSystemSettings { TrackIdle = true });
        var props = Props.Create(() => new Idle());
        var refs = new IActorRef[Actors];
        var before = RetainedBytes();

        for (var i = 0; i < Actors; i++)
        {
            refs[i] = system.ActorOf(props);
        }

        foreach (var actor in refs)
        {
            actor.Tell("wake");
        }

        await system.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var perActor = (RetainedBytes() - before) / Actors;

        Assert.True(perActor < 1024, $"Expected an idle actor to retain under 1024 bytes, but it retains {perActor}.");
        GC.KeepAlive(refs);
    }

    private static long RetainedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class Idle : ReceiveActor
    {
        public Idle() => Receive<string>(_ => { });
    }
}
