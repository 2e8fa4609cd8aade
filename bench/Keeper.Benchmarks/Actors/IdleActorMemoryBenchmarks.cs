using BenchmarkDotNet.Attributes;
using Keeper.Actors.Runtime;

namespace Keeper.Benchmarks.Actors;

/// <summary>
/// Starting 100,000 idle actors in a fresh system, for each mailbox queue. Each operation is one actor, so the
/// Allocated column is the bytes allocated per actor, transient ones included: an upper bound on what an idle
/// actor keeps.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class IdleActorMemoryBenchmarks
{
    private const int Actors = 100_000;

    private ActorSystem _system = null!;
    private Props _props = null!;

    /// <summary>The mailbox queue under test.</summary>
    [Params(MailboxKind.Linked, MailboxKind.Channel, MailboxKind.Dataflow)]
    public MailboxKind Mailbox { get; set; }

    [IterationSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench", new ActorSystemSettings { Mailbox = Mailbox, TrackIdle = true });
        _props = Props.Create(() => new IdleActor());
    }

    [IterationCleanup]
    public void Cleanup() => _system.TerminateAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Actors)]
    public void SpawnIdleActors()
    {
        for (var i = 0; i < Actors; i++)
        {
            _system.ActorOf(_props);
        }

        // Every actor has run its creation when the system is idle.
        _system.WhenIdleAsync().GetAwaiter().GetResult();
    }
}
