using System.Diagnostics;
using System.Globalization;
using Keeper.Actors.Gate;
using Keeper.Actors.Tracking;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Rpc;
using Keeper.Host.Cli;
using Keeper.Host.Devnet;

namespace Keeper.Benchmarks.Scenarios;

/// <summary>
/// Failover after kill -9 with the configured failure detector (reference.conf): N keeper processes in one cluster on
/// anvil with 2-second blocks; the holder of a due dissolve dies right after journaling it (its claim left pending). From
/// the survivors' logs and the chain: when the dead member was found unreachable, when it was downed and removed, and when
/// the next holder's action was sent and mined (wall clock after the death, and in blocks after the dead holder's window).
/// Usage: cluster-failover [nodes=3] [trials=3]
/// </summary>
public static class ClusterFailoverScenario
{
    private const int BlockSeconds = 2;
    private const ulong Window = BlockSeconds * 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var nodes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var trials = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine($"| trial ({nodes} nodes) | unreachable (s) | downed (s) | removed (s) | next holder sent (s) | mined, blocks after the dead holder's window |");
        Console.WriteLine("|---|---|---|---|---|---|");
        for (var trial = 1; trial <= trials; trial++)
        {
            var work = Directory.CreateTempSubdirectory("keeper-failover-").FullName;
            try
            {
                var row = await TrialAsync(nodes, work);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {trial} | {row.Unreachable:0.0} | {row.Downed:0.0} | {row.Removed:0.0} | {row.Sent:0.0} | {row.BlocksAfterWindow} |"));
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        return 0;
    }

    private static async Task<(double Unreachable, double Downed, double Removed, double Sent, long BlocksAfterWindow)> TrialAsync(int count, string work)
    {
        await using var anvil = await AnvilNode.StartAsync(new AnvilOptions { Accounts = count + 2 });
        using var chain = new DevChainClient(anvil);
        var harness = await RocketPoolHarness.DeployAsync(chain, chain.Keys[0]);
        var megapool = await harness.CreateMegapoolAsync(chain.Keys[count + 1].Address);
        var id = await harness.NewValidatorAsync(megapool);
        await harness.AssignAsync(megapool, id);
        var info = await new Megapool(chain.Eth, new BatchCaller(chain.Eth), megapool).GetValidatorInfoAsync(id, BlockTag.Latest, CancellationToken.None);
        var dueAt = info.LastAssignmentTime + (28UL * 24 * 60 * 60) + 1;
        var members = GateMath.Order(Enumerable.Range(1, count).Select(i => chain.Keys[i].Address));
        var holder = GateMath.Holder(GateMath.Seed(TaskKeys.DissolveMegapoolValidator(megapool, id)), 0, members);
        var victim = Enumerable.Range(1, count).Single(i => chain.Keys[i].Address == holder);

        var ports = Enumerable.Range(0, count).Select(_ => LoopbackPorts.Free()).ToArray();
        var processes = new List<NodeProcess>();
        try
        {
            for (var i = 1; i <= count; i++)
            {
                var config = NodeFiles.Write(work, $"node-{i}", chain.Keys[i], anvil.RpcUrl, harness, NodeFiles.Sqlite(Path.Combine(work, "keeper.db")), BlockSeconds, gateEnabled: true,
                    "chain.poll-interval = 100ms\n" + NodeFiles.Cluster(ports[i - 1], [NodeFiles.SeedAddress(ports[0])]));
                var fault = i == victim ? new Dictionary<string, string> { [RunCommand.FaultVariable] = "after-journal-created" } : null;
                processes.Add(NodeProcess.Start($"node-{i}", chain.Keys[i].Address.ToString(), config, work, fault));
            }

            await UntilAsync(() => processes.All(p => p.Status is { Ready: true } s && s.Members.Count == count), TimeSpan.FromMinutes(3), "the cluster did not form");
            await chain.SetNextBlockTimestampAsync(dueAt - BlockSeconds);
            await chain.MineAsync();
            var dying = processes[victim - 1];
            await UntilAsync(() => dying.HasExited, TimeSpan.FromSeconds(30), "the holder did not reach its fault point");
            var died = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            await chain.SetAutomineAsync(false);
            await chain.Rpc.SendAsync("evm_setIntervalMining", [BlockSeconds], CancellationToken.None);

            var survivors = Enumerable.Range(1, count).Where(i => i != victim).ToArray();
            await UntilAsync(async () => await SentAsync(chain, survivors, BlockTag.Pending) > 0, TimeSpan.FromMinutes(2), "no survivor took the action over");
            var sent = clock.Elapsed.TotalSeconds;
            await UntilAsync(async () => await SentAsync(chain, survivors, BlockTag.Latest) > 0, TimeSpan.FromMinutes(1), "the takeover was not mined");
            var head = await chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
            var windowEnd = dueAt + Window;
            var blocksAfter = ((long)head.Timestamp - (long)windowEnd) / BlockSeconds;
            await UntilAsync(() => survivors.All(i => Log(work, i).Contains("node-" + victim + " at ", StringComparison.Ordinal)), TimeSpan.FromMinutes(1), "the dead member was not removed");
            var log = survivors.Select(i => Log(work, i)).ToArray();
            return (After(log, $"node-{victim} (", "is Unreachable (Up)", died), After(log, $"node-{victim} (", "(Down)", died), After(log, $"node-{victim} at ", "was removed", died), sent, blocksAfter);
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    private static async Task<ulong> SentAsync(DevChainClient chain, IEnumerable<int> nodes, BlockTag tag)
    {
        var total = 0UL;
        foreach (var i in nodes)
        {
            total += await chain.Eth.GetTransactionCountAsync(chain.Keys[i].Address, tag, CancellationToken.None);
        }

        return total;
    }

    private static string Log(string work, int index) => File.ReadAllText(Path.Combine(work, $"node-{index}.log"));

    // Seconds from the death to the first survivor's log line (timestamped, UTC) about the member holding both markers.
    private static double After(IEnumerable<string> logs, string member, string marker, DateTime died) =>
        logs.SelectMany(l => l.Split('\n'))
            .Where(line => line.Contains(member, StringComparison.Ordinal) && line.Contains(marker, StringComparison.Ordinal))
            .Select(line => DateTime.Parse(line[..line.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal))
            .DefaultIfEmpty(DateTime.MaxValue)
            .Min()
            .Subtract(died).TotalSeconds;

    private static Task UntilAsync(Func<bool> condition, TimeSpan within, string failure) => UntilAsync(() => Task.FromResult(condition()), within, failure);

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, string failure)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > within)
            {
                throw new TimeoutException(failure);
            }

            await Task.Delay(20);
        }
    }
}
