using System.Globalization;
using Keeper.Host.Devnet;

namespace Keeper.Benchmarks.Scenarios;

/// <summary>
/// The same devnet twice, side by side: N real keeper processes with the round-robin gate, then the ungated baseline
/// where every node submits whatever it sees due. Prints duplicates, reverts, gas wasted and latency.
/// Usage: cluster-gate [nodes=5] [megapools=25] [validatorsPerMegapool=8] [minipools=8] [store=sqlite]
/// </summary>
public static class ClusterGateScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var nodes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var megapools = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 25;
        var validators = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
        var minipools = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 8;
        var store = args.Length > 4 ? args[4] : "sqlite";

        var results = new List<(string Name, DevnetReport Report)>();
        foreach (var gate in new[] { true, false })
        {
            var work = Directory.CreateTempSubdirectory("keeper-bench-").FullName;
            var options = new DevnetOptions(nodes, store, megapools, validators, minipools, gate, null, 2, work);
            results.Add((gate ? "gate on" : "gate off", await new DevnetRunner(options, TextWriter.Null).RunAsync(CancellationToken.None)));
            Directory.Delete(work, recursive: true);
        }

        Console.WriteLine($"| {nodes} nodes, {store} | due | done | duplicates | reverted | keeper txs | gas used | gas wasted (reverted) | latency p50/p99/max | RPC requests per node per block |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, r) in results)
        {
            var gas = r.Nodes.Sum(n => (decimal)n.GasUsed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {r.Tasks.Due} | {r.Tasks.Done} | {r.Tasks.Duplicates} | {r.Tasks.Reverted} | {r.Nodes.Sum(n => n.Submitted)} | {gas:N0} | {r.Tasks.GasWasted:N0} | {r.LatencyBlocks.P50}/{r.LatencyBlocks.P99}/{r.LatencyBlocks.Max} | {r.Rpc.PerBlock} |"));
        }

        return 0;
    }
}
