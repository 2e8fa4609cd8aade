using System.Diagnostics;
using Akka.Actor;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Tracking;
using Keeper.Chain.Watching;

namespace Keeper.Benchmarks.Scenarios;

/// <summary>
/// The actor side of a cold start without the chain: the watcher's cold-start events, already read, are told to a fresh
/// registry in the parts the watcher actor tells them (a batch of the index per message), and the time until the
/// scheduler holds every duty is measured. Shards are spawned, fed and derive their duties exactly as in the cold start.
/// </summary>
internal static class TrackingReplay
{
    public static async Task<TimeSpan> RunAsync(IReadOnlyList<WatcherEvent> events, int expectedDuties)
    {
        using var system = ActorSystem.Create("replay");
        var scheduler = system.ActorOf(DeadlineScheduler.Props(12), "scheduler");
        var allHeld = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var counter = system.ActorOf(DutyCounter.Props(scheduler, expectedDuties, allHeld), "duty-counter");
        var registry = system.ActorOf(PoolRegistry.Props(new TrackerOptions(counter, null, null, null)), "registry");
        await registry.Ask<RegistryStats>(GetRegistryStats.Instance, TimeSpan.FromSeconds(30));

        var clock = Stopwatch.StartNew();
        foreach (var part in Parts(events))
        {
            registry.Tell(new WatcherEvents(part));
        }

        await allHeld.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var took = clock.Elapsed;
        await system.Terminate();
        return took;
    }

    // The settings alone, each batch of 200 index reads, the minipools, the head: as the watcher reports a cold start.
    private static IEnumerable<IReadOnlyList<WatcherEvent>> Parts(IReadOnlyList<WatcherEvent> events)
    {
        foreach (var group in events.GroupBy(e => e.GetType()))
        {
            foreach (var part in group.Key == typeof(MegapoolValidatorRead) ? group.Chunk(200) : [group.ToArray()])
            {
                yield return part;
            }
        }
    }
}
