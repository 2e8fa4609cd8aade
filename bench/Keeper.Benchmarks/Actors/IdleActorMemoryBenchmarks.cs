using BenchmarkDotNet.Attributes;
using Akka.Actor;
using Akka.Configuration;

namespace Keeper.Benchmarks.Actors;

/// <summary>
/// Starting 100,000 idle Akka.NET actors in a fresh system. Each operation is one actor, so the Allocated column is the
/// bytes allocated per actor, transient ones included: an upper bound on what an idle actor keeps (the retained figure is
/// in docs/actor-runtime.md, from the tracking scenario).
/// </summary>
[ShortRunInProcess]
[MemoryDiagnoser]
public class IdleActorMemoryBenchmarks
{
    private const int Actors = 100_000;

    private readonly CountdownEvent _started = new(Actors);
    private ActorSystem _system = null!;
    private Props _props = null!;

    [IterationSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        _started.Reset(Actors);
        var started = _started;
        _props = Props.Create(() => new IdleActor(started));
    }

    [IterationCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(60));

    [Benchmark(OperationsPerInvoke = Actors)]
    public void SpawnIdleActors()
    {
        for (var i = 0; i < Actors; i++)
        {
            _system.ActorOf(_props);
        }

        // Every actor has run its creation once it signalled from PreStart.
        _started.Wait(TimeSpan.FromSeconds(120));
    }
}
