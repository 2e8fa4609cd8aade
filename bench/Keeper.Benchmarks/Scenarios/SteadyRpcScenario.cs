using System.Globalization;
using Keeper.Chain.Rpc;
using Keeper.Host.Devnet;

namespace Keeper.Benchmarks.Scenarios;

/// <summary>
/// A keeper process following a quiet chain (pools tracked, no deadline passing): its JSON-RPC requests per block once
/// the cold start is over. Usage: rpc-steady [megapools=1000] [validatorsPerMegapool=10] [minipools=1000] [blocks=30] [blockSeconds=2]
/// </summary>
public static class SteadyRpcScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var (megapools, perMegapool, minipools, blocks, blockSeconds) = (Arg(0, 1000), Arg(1, 10), Arg(2, 1000), Arg(3, 30), Arg(4, 2));
        var work = Directory.CreateTempSubdirectory("keeper-bench-rpc-").FullName;
        await using var anvil = await AnvilNode.StartAsync(new AnvilOptions { ExtraArguments = TrackingColdStartScenario.AnvilArguments });
        using var chain = new DevChainClient(anvil);
        var harness = await RocketPoolHarness.DeployAsync(chain, chain.Keys[0]);
        // Seeded many validators per transaction (same states and events as one per step), so 100,000 fit anvil.
        await harness.SeedInBatchesAsync(new SeedPlan(megapools, perMegapool, minipools));
        var config = NodeFiles.Write(work, "node-1", chain.Keys[1], anvil.RpcUrl, harness, NodeFiles.Sqlite(Path.Combine(work, "keeper.db")), blockSeconds, gateEnabled: true);
        await using var node = NodeProcess.Start("node-1", chain.Keys[1].Address.ToString(), config, work);
        await chain.SetAutomineAsync(false);
        while (node.Status?.Ready != true)
        {
            await Task.Delay(200);
        }

        // Blocks start once the cold start is over: anvil with --prune-history keeps only the newest states, so a cold
        // start reading at one block for many seconds would find that block's state gone.
        await chain.Rpc.SendAsync("evm_setIntervalMining", [blockSeconds], CancellationToken.None);

        // Let the cold start and the first checkpoint settle, then count.
        await Task.Delay(TimeSpan.FromSeconds(blockSeconds * 5));
        var start = node.Status!;
        await Task.Delay(TimeSpan.FromSeconds(blockSeconds * blocks));
        var end = node.Status!;
        var perBlock = (double)(end.RpcRequests - start.RpcRequests) / (end.HeadNumber - start.HeadNumber);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{megapools * perMegapool} validators, {minipools} minipools: {end.RpcRequests - start.RpcRequests} requests over {end.HeadNumber - start.HeadNumber} blocks = {perBlock:F2} per block (poll {start.HeadNumber}..{end.HeadNumber}, {blockSeconds} s blocks)"));
        Directory.Delete(work, recursive: true);
        return 0;
    }
}
