using BenchmarkDotNet.Attributes;
using Akka.Actor;
using Akka.Configuration;

namespace Keeper.Benchmarks.Actors;

/// <summary>
/// Messages per second through one Akka.NET actor, and spread over 1,000 actors, with Akka's default mailbox and
/// dispatcher and with the throughput (messages an actor handles per turn) Keeper runs with and a larger one. One thread
/// sends; the actors run on the default dispatcher. Each operation is one message, so the reported time is the cost per
/// message (10 M msg/s is 100 ns per message).
/// </summary>
[ShortRunInProcess]
[MemoryDiagnoser]
public class ActorThroughputBenchmarks
{
    private const int Messages = 1_000_000;
    private const int ManyActors = 1_000;

    private readonly Latch _latch = new();
    private ActorSystem _system = null!;
    private IActorRef _one = null!;
    private IActorRef[] _many = null!;

    /// <summary>Messages an actor handles before its thread moves on (<c>akka.actor.default-dispatcher.throughput</c>; Akka's default is 30).</summary>
    [Params(30, 100)]
    public int Throughput { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench", ConfigurationFactory.ParseString($"akka.actor.default-dispatcher.throughput = {Throughput}\nakka.loglevel = WARNING"));
        _one = _system.ActorOf(Props.Create(() => new CountingActor(_latch)), "one");
        _many = [.. Enumerable.Range(0, ManyActors).Select(i => _system.ActorOf(Props.Create(() => new CountingActor(_latch)), $"many-{i}"))];
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait(TimeSpan.FromSeconds(30));

    [Benchmark(OperationsPerInvoke = Messages)]
    public void OneActor()
    {
        var done = _latch.Reset(1, Messages);
        var target = _one;
        for (var i = 0; i < Messages; i++)
        {
            target.Tell(Ping.Instance);
        }

        done.GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public void ThousandActors()
    {
        var done = _latch.Reset(ManyActors, Messages / ManyActors);
        var targets = _many;
        for (var i = 0; i < Messages; i++)
        {
            targets[i % ManyActors].Tell(Ping.Instance);
        }

        done.GetAwaiter().GetResult();
    }
}
