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
/// Usage: tracking-cold-start [megapools=1000] [validatorsPerMegapool=10] [minipools=1000] [seed=batch|tx] [profile]
/// With <c>profile</c> it also pauses 30 s before and 60 s after the cold start (for <c>dotnet-gcdump collect -p PID</c>),
/// replays the watcher's events into fresh tracking actors (<see cref="TrackingReplay"/>), splits the chain reads'
/// time (<see cref="ColdStartReadProfile"/>) and measures what a bare watcher keeps.
/// </summary>
public static class TrackingColdStartScenario
{
    // anvil keeps every block's state and every transaction in memory by default; 100,000 validators need it pruned
    // (docs/PLATFORM.md, "anvil at scale"). Blocks hold up to 1,000 M gas so that seeding takes few blocks.
    /// <summary>anvil flags for 100,000-validator chains (PLATFORM.md, "anvil at scale").</summary>
    internal static readonly string[] AnvilArguments = ["--gas-limit", "1000000000", "--prune-history", "--transaction-block-keeper", "64"];

    public static async Task<int> RunAsync(string[] args)
    {
        var megapools = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var perMegapool = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var minipoolCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
        var batched = args.Length <= 3 || args[3] switch
        {
            "batch" => true,
            "tx" => false,
            _ => throw new ArgumentException($"seed must be 'batch' (many pools per transaction) or 'tx' (one transaction per step); it is '{args[3]}'."),
        };
        var profile = args.Length > 4 && args[4] == "profile";

        await using var node = await AnvilNode.StartAsync(new AnvilOptions { ExtraArguments = AnvilArguments });
        using var chain = new DevChainClient(node);
        var harness = await RocketPoolHarness.DeployAsync(chain, chain.Keys[0]);
        var seedClock = Stopwatch.StartNew();
        var plan = new SeedPlan(megapools, perMegapool, minipoolCount);
        var seed = batched ? await harness.SeedInBatchesAsync(plan) : await harness.SeedAsync(plan);
        Console.WriteLine($"seeded {megapools} megapools x {perMegapool} validators and {minipoolCount} minipools with {seed.Transactions} transactions ({(batched ? "batched" : "one per step")}) in {seedClock.Elapsed.TotalSeconds:F1} s");
        var expectedDuties = seed.Prestaked.Count + seed.Prelaunch.Count;

        if (profile)
        {
            Console.WriteLine($"profile: holding before the cold start for 30 s: dotnet-gcdump collect -p {Environment.ProcessId}");
            await Task.Delay(TimeSpan.FromSeconds(30));
        }

        var before = Settle();
        var requestsBefore = chain.Rpc.RequestCount;
        using var system = ActorSystem.Create("bench");
        var scheduler = system.ActorOf(DeadlineScheduler.Props(12), "scheduler");
        var allHeld = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var counter = system.ActorOf(DutyCounter.Props(scheduler, expectedDuties, allHeld), "duty-counter");
        var registry = system.ActorOf(PoolRegistry.Props(new TrackerOptions(counter, null, null, null)), "registry");
        var batch = new BatchCaller(chain.Eth, new BatchCallerOptions { Multicall3 = harness.Multicall3 });

        var clock = Stopwatch.StartNew();
        system.ActorOf(ChainWatcherActor.Props(() => new ChainWatcher(chain.Eth, batch, harness.Deployment), registry, new ChainWatcherActorOptions(TimeSpan.FromSeconds(1))), "watcher");
        var coldStart = await Task.WhenAny(allHeld.Task, Task.Delay(TimeSpan.FromMinutes(2))) == allHeld.Task ? clock.Elapsed : (TimeSpan?)null;
        var held = (await scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, TimeSpan.FromSeconds(30), CancellationToken.None)).Duties.Count;
        var requests = chain.Rpc.RequestCount - requestsBefore;
        var after = Settle();
        var validators = megapools * perMegapool;
        var bytes = after - before;
        Console.WriteLine(coldStart is { } took
            ? $"cold start: {took.TotalSeconds:F2} s until {held} of {expectedDuties} duties were scheduled; {requests} HTTP requests"
            : $"cold start: not done after 2 minutes: {held} of {expectedDuties} duties scheduled; {requests} HTTP requests");
        Console.WriteLine($"managed memory held by tracking: {bytes / 1024.0 / 1024.0:F1} MiB = {(double)bytes / validators:F0} B per validator ({validators}), {(double)bytes / (validators + minipoolCount):F0} B per tracked pool entry (validators + minipools)");
        if (profile)
        {
            Console.WriteLine($"profile: holding the tracking actors for 60 s: dotnet-gcdump collect -p {Environment.ProcessId}");
            await Task.Delay(TimeSpan.FromSeconds(60));
        }

        GC.KeepAlive(registry);
        await system.Terminate();

        // The same chain reads without actors: what part of the cold start is reading the chain.
        var readRequestsBefore = chain.Rpc.RequestCount;
        var readClock = Stopwatch.StartNew();
        var events = await new ChainWatcher(chain.Eth, batch, harness.Deployment).PollAsync(CancellationToken.None);
        Console.WriteLine($"watcher cold start alone (no actors): {readClock.Elapsed.TotalSeconds:F2} s, {events.Count} events, {chain.Rpc.RequestCount - readRequestsBefore} HTTP requests");
        if (profile)
        {
            for (var i = 1; i <= 3; i++)
            {
                var replay = await TrackingReplay.RunAsync(events, expectedDuties);
                Console.WriteLine($"profile: tracking actors alone, replaying those events ({i} of 3): {replay.TotalSeconds:F2} s until every duty was scheduled");
            }

            await ColdStartReadProfile.RunAsync(chain, harness.Multicall3, harness.Deployment.MegapoolManager, CancellationToken.None);

            // What the watcher itself keeps (its pool sets), events dropped as they come: part of the tracking figure above.
            var watcherBefore = Settle();
            var bare = new ChainWatcher(chain.Eth, batch, harness.Deployment);
            await bare.PollAsync(_ => { }, CancellationToken.None);
            var watcherBytes = Settle() - watcherBefore;
            GC.KeepAlive(bare);
            GC.KeepAlive(events);
            Console.WriteLine($"profile: a bare watcher after its cold start holds {watcherBytes / 1024.0 / 1024.0:F1} MiB = {(double)watcherBytes / (megapools * perMegapool):F0} B per validator");
        }

        Console.WriteLine($"process: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        return coldStart is not null && held == expectedDuties ? 0 : 1;
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
