using BenchmarkDotNet.Attributes;
using Keeper.Actors.Runtime;

namespace Keeper.Benchmarks.Actors;

/// <summary>
/// Messages per second through one actor, and spread over 1,000 actors, for each mailbox queue. One thread sends;
/// the actors run on the thread pool. Each operation is one message, so the reported time is the cost per message
/// (10 M msg/s is 100 ns per message).
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ActorThroughputBenchmarks
{
    private const int Messages = 1_000_000;
    private const int ManyActors = 1_000;

    private readonly Latch _latch = new();
    private ActorSystem _system = null!;
    private IActorRef _one = null!;
    private IActorRef[] _many = null!;

    /// <summary>The mailbox queue under test.</summary>
    [Params(MailboxKind.Linked, MailboxKind.Channel, MailboxKind.Dataflow)]
    public MailboxKind Mailbox { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench", new ActorSystemSettings { Mailbox = Mailbox });
        _one = _system.ActorOf(Props.Create(() => new CountingActor(_latch)), "one");
        _many = [.. Enumerable.Range(0, ManyActors).Select(i => _system.ActorOf(Props.Create(() => new CountingActor(_latch)), $"many-{i}"))];
    }

    [GlobalCleanup]
    public void Cleanup() => _system.TerminateAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();

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
