using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Tracking;
using Keeper.Chain.Calls;
using Keeper.Chain.Watching;
using Keeper.Host.Devnet;

namespace Keeper.Benchmarks.Scenarios;

/// <summary>
/// Seeds megapools, validators and minipools on anvil, then cold-starts the tracking actors against it and measures how
/// long until every duty is scheduled, how many RPC requests that took, and the managed memory the tracking holds.
/// Usage: tracking-cold-start [megapools=1000] [validatorsPerMegapool=10] [minipools=1000]
/// </summary>
public static class TrackingColdStartScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var megapools = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var perMegapool = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var minipoolCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;

        await using var node = await AnvilNode.StartAsync(new AnvilOptions { ExtraArguments = ["--gas-limit", "300000000"] });
        using var chain = new DevChainClient(node);
        var harness = await RocketPoolHarness.DeployAsync(chain, chain.Keys[0]);
        var seedClock = Stopwatch.StartNew();
        var seed = await harness.SeedAsync(new SeedPlan(megapools, perMegapool, minipoolCount));
        Console.WriteLine($"seeded {megapools} megapools x {perMegapool} validators and {minipoolCount} minipools with {seed.Transactions} transactions in {seedClock.Elapsed.TotalSeconds:F1} s");
        var expectedDuties = seed.Prestaked.Count + seed.Prelaunch.Count;

        var before = Settle();
        var requestsBefore = chain.Rpc.RequestCount;
        using var system = ActorSystem.Create("bench");
        var scheduler = system.ActorOf(DeadlineScheduler.Props(12), "scheduler");
        var registry = system.ActorOf(PoolRegistry.Props(new TrackerOptions(scheduler, null, null, null)), "registry");
        var batch = new BatchCaller(chain.Eth, new BatchCallerOptions { Multicall3 = harness.Multicall3 });

        var clock = Stopwatch.StartNew();
        system.ActorOf(ChainWatcherActor.Props(() => new ChainWatcher(chain.Eth, batch, harness.Deployment), registry, new ChainWatcherActorOptions(TimeSpan.FromSeconds(1))), "watcher");
        int held;
        do
        {
            held = (await scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, TimeSpan.FromSeconds(30), CancellationToken.None)).Duties.Count;
        }
        while (held < expectedDuties && clock.Elapsed < TimeSpan.FromMinutes(2));

        var coldStart = clock.Elapsed;
        var requests = chain.Rpc.RequestCount - requestsBefore;
        var after = Settle();
        var validators = megapools * perMegapool;
        var bytes = after - before;
        Console.WriteLine($"cold start: {coldStart.TotalSeconds:F2} s until {held} of {expectedDuties} duties were scheduled; {requests} HTTP requests");
        Console.WriteLine($"managed memory held by tracking: {bytes / 1024.0 / 1024.0:F1} MiB = {(double)bytes / validators:F0} B per validator ({validators}), {(double)bytes / (validators + minipoolCount):F0} B per tracked pool entry (validators + minipools)");
        Console.WriteLine($"process: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        GC.KeepAlive(registry);
        await system.Terminate();
        return held == expectedDuties ? 0 : 1;
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
}
