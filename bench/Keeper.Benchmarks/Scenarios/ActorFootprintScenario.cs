using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using Keeper.Actors.Tracking;
using Keeper.Benchmarks.Actors;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Benchmarks.Scenarios;

/// <summary>
/// Managed memory retained (not allocated) per actor: <c>GC.GetTotalMemory(true)</c> before and after starting N actors
/// that each handled one message, divided by N. BenchmarkDotNet's Allocated column counts transient garbage too.
/// Measures an idle <see cref="ReceiveActor"/> with one handler, and the tracking of N pools through a
/// <see cref="PoolRegistry"/> and its <see cref="TrackerShard"/>s as the node runs them (per pool, shards included): an
/// empty megapool, one holding 10 validators (a quarter queued, a quarter staked, half in prestake with a dissolve duty,
/// as the seed makes them), and a prelaunch minipool. Duties go to an actor that drops them, so the scheduler's book is
/// not counted. Usage: actor-footprint [idleActors=100000] [pools=10000] [rounds=3]
/// </summary>
public static class ActorFootprintScenario
{
    private const int ValidatorsPerMegapool = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var idleActors = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var trackers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        for (var round = 1; round <= rounds; round++)
        {
            Report(round, "idle ReceiveActor", idleActors, await MeasureAsync(idleActors, (system, n) => SpawnIdleAsync(system, n)));
            Report(round, "megapool, no validators", trackers, await MeasureAsync(trackers, (system, n) => TrackMegapoolsAsync(system, n, 0)), "pool");
            Report(round, $"megapool, {ValidatorsPerMegapool} validators", trackers, await MeasureAsync(trackers, (system, n) => TrackMegapoolsAsync(system, n, ValidatorsPerMegapool)), "pool");
            Report(round, "minipool, prelaunch", trackers, await MeasureAsync(trackers, (system, n) => TrackMinipoolsAsync(system, n)), "pool");
        }

        Console.WriteLine($"process: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        return 0;
    }

    private static void Report(int round, string what, int count, long bytes, string unit = "actor") =>
        Console.WriteLine($"round {round}: {what}: {(double)bytes / count:F0} B per {unit} ({count} {unit}s, {bytes / 1024.0 / 1024.0:F1} MiB)");

    // A fresh system per measurement, warmed by a few actors first. The system keeps its actors alive; the scenario
    // drops its refs before measuring, so only what the system retains is counted.
    private static async Task<long> MeasureAsync<T>(int count, Func<ActorSystem, int, Task<T>> spawn)
    {
        using var system = ActorSystem.Create("footprint", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        await spawn(system, 10);
        var before = Settle();
        await spawn(system, count);
        var after = Settle();
        await system.Terminate();
        return after - before;
    }

    private static async Task<IActorRef[]> SpawnIdleAsync(ActorSystem system, int count)
    {
        using var started = new CountdownEvent(count);
        var props = Props.Create(() => new IdleActor(started));
        var actors = new IActorRef[count];
        for (var i = 0; i < count; i++)
        {
            actors[i] = system.ActorOf(props);
            actors[i].Tell(Ping.Instance);
        }

        started.Wait(TimeSpan.FromMinutes(2));
        await HandledAllAsync(actors);
        return actors;
    }

    // A registry per call, as the node has one: the pools are spread over its shards.
    private static async Task<IActorRef> TrackMegapoolsAsync(ActorSystem system, int count, int validators)
    {
        var registry = Registry(system);
        var pools = new Address[count];
        for (var i = 0; i < count; i++)
        {
            pools[i] = PoolAddress(0x11, i);
            var reads = new WatcherEvent[validators];
            for (var j = 0; j < validators; j++)
            {
                reads[j] = new MegapoolValidatorRead(Block, pools[i], (uint)j, Pubkey(pools[i], j), Validator(j));
            }

            registry.Tell(new WatcherEvents(reads.Length > 0 ? reads : [new PoolForgotten(Block, pools[i], 0)]));
        }

        await HandledAllAsync(registry, pools);
        return registry;
    }

    private static async Task<IActorRef> TrackMinipoolsAsync(ActorSystem system, int count)
    {
        var registry = Registry(system);
        var pools = new Address[count];
        for (var i = 0; i < count; i++)
        {
            pools[i] = PoolAddress(0x22, i);
            registry.Tell(new WatcherEvents([new MinipoolRead(Block, new MinipoolState(pools[i], PoolAddress(0x33, i), MinipoolStatus.Prelaunch, 1_800_000_000))]));
        }

        await HandledAllAsync(registry, pools);
        return registry;
    }

    private static readonly BlockRef Block = new(100, Hash32.Zero, 1_800_000_000);

    private static IActorRef Registry(ActorSystem system)
    {
        var registry = system.ActorOf(PoolRegistry.Props(new TrackerOptions(Sink(system), null, null, null)));
        registry.Tell(new SettingsRead(Block, new MegapoolSettingsValues(28 * 24 * 3600, 0, 0, 0, 0, 1575, 6750), 72 * 3600));
        return registry;
    }

    // The registry names a pool's shard after routing what it was told before; the shard answers Identify after it too.
    private static async Task HandledAllAsync(IActorRef registry, Address[] pools)
    {
        var shards = new HashSet<IActorRef>();
        foreach (var pool in pools.Take(1000))
        {
            shards.Add((await registry.Ask<TrackerOf>(new GetTrackerOf(pool), TimeSpan.FromMinutes(2))).Tracker!);
        }

        await HandledAllAsync([.. shards]);
    }

    // Each actor answers Identify after the messages queued before it.
    private static Task HandledAllAsync(IActorRef[] actors) =>
        Task.WhenAll(actors.Select(a => a.Ask<ActorIdentity>(new Identify(null), TimeSpan.FromMinutes(2))));

    private static IActorRef Sink(ActorSystem system) => system.ActorOf(Props.Create(() => new SinkActor()));

    // j % 4: 0 queued, 2 staked, 1 and 3 assigned (prestake, dissolve clock running).
    private static ValidatorInfo Validator(int j) => (j % 4) switch
    {
        0 => new ValidatorInfo(0, 32_000, 4_000, 0, false, false, true, false, false, false, false, false, 0, ValidatorInfoLayout.V2, 0),
        2 => new ValidatorInfo(0, 0, 0, 32_000, true, false, false, false, false, false, false, false, 0, ValidatorInfoLayout.V2, 0),
        _ => new ValidatorInfo(1_800_000_000, 32_000, 4_000, 1_000, false, false, false, true, false, false, false, false, 0, ValidatorInfoLayout.V2, 0),
    };

    private static byte[] Pubkey(Address megapool, int j)
    {
        var pubkey = new byte[48];
        megapool.Bytes.CopyTo(pubkey);
        BitConverter.GetBytes(j).CopyTo(pubkey, 20);
        return pubkey;
    }

    private static Address PoolAddress(byte tag, int i)
    {
        var bytes = new byte[20];
        bytes[0] = tag;
        BitConverter.GetBytes(i).CopyTo(bytes, 16);
        return new Address(bytes);
    }

    private static long Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class SinkActor : ReceiveActor
    {
        public SinkActor() => ReceiveAny(_ => { });
    }
}
