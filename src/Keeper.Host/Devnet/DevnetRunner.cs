using System.Text.Json;
using Keeper.Chain.Rpc;
using Keeper.Chain.Beacon;
using Keeper.Actors.Tracking;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Cli;
using Keeper.Host.Devnet.Beacon;
using Keeper.Host.Devnet.GoGoPool;
using Keeper.Host.Devnet.Postgres;

namespace Keeper.Host.Devnet;

/// <summary>
/// <c>keeper devnet</c>: starts anvil, deploys the Rocket Pool harness and starts a beacon chain that follows anvil (served
/// to the nodes as their beacon node), seeds the harness, runs the keeper nodes as processes,
/// moves chain time in jumps to shortly before the next deadlines and then lets blocks come at the block interval (so
/// the keepers can act in the first valid block), and reports what happened, read from the chain. With
/// <see cref="DevnetOptions.GoGoPool"/> it also starts a second anvil with the GoGoPool harness (<see cref="GoGoPoolDevnet"/>),
/// points every node's keeper.gogopool section at it, drives its clock at the same time (<see cref="GoGoPoolTimeDriver"/>)
/// and adds its rewards-cycle start and each node's alerts to the report.
/// </summary>
public sealed class DevnetRunner(DevnetOptions options, TextWriter output)
{
    // Both chains' clocks are driven at once, and both print.
    private readonly TextWriter _progress = TextWriter.Synchronized(output);

    // Well under a block interval, so the beacon block of each anvil block's slot comes before the next anvil block.
    private static readonly TimeSpan BeaconPollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Runs the devnet to completion and returns the report; with <see cref="DevnetOptions.Keep"/> it then leaves everything
    /// running until <paramref name="cancellationToken"/> is cancelled. Whether it completes, fails or is cancelled, every
    /// process it started is stopped and its work folder holds only the node logs and a report written there.
    /// </summary>
    /// <exception cref="CliInputException">The work folder is not empty.</exception>
    public async Task<DevnetReport> RunAsync(CancellationToken cancellationToken)
    {
        DevnetWorkFolder.Prepare(options.WorkDirectory);
        _progress.WriteLine($"work folder: {options.WorkDirectory} (node configs, keystores, store and logs; the logs stay when the devnet ends, the rest is removed)");
        try
        {
            return await RunInFolderAsync(cancellationToken);
        }
        finally
        {
            Clean();
        }
    }

    private async Task<DevnetReport> RunInFolderAsync(CancellationToken cancellationToken)
    {
        _progress.WriteLine("starting anvil");
        await using var anvil = await AnvilNode.StartAsync(new AnvilOptions { Accounts = options.Nodes + 2, ExtraArguments = ["--gas-limit", "300000000"] }, cancellationToken);
        using var chain = new DevChainClient(anvil);
        _progress.WriteLine($"anvil on {anvil.RpcUrl} (pid {anvil.ProcessId}); deploying the Rocket Pool harness");
        var harness = await RocketPoolHarness.DeployAsync(chain, chain.Keys[0], cancellationToken);
        await using var beacon = await DevBeaconNode.StartAsync(chain, harness, null, BeaconPollInterval, new MutedOnStopWriter(_progress, cancellationToken), cancellationToken);
        _progress.WriteLine($"beacon chain on {beacon.Url} (genesis {beacon.Chain.GenesisTime}, a block per slot in which anvil mines, roots in the EIP-4788 contract)");
        _progress.WriteLine($"seeding {options.Megapools} megapools ({options.ValidatorsPerMegapool} validators each) and {options.Minipools} minipools");
        var seed = await harness.SeedAsync(new SeedPlan(options.Megapools, options.ValidatorsPerMegapool, options.Minipools), cancellationToken);
        _progress.WriteLine($"seeded {seed.Megapools.Count} megapools ({options.ValidatorsPerMegapool} validators each) and {seed.Minipools.Count} minipools: {seed.Prestaked.Count + seed.Prelaunch.Count} deadlines ahead");
        var tasks = await TasksAsync(chain, harness, seed, cancellationToken);
        if (options.GoGoPool > 0)
        {
            _progress.WriteLine($"starting a second anvil (chain id {GoGoPoolDevnet.ChainId}) with the GoGoPool harness and seeding {options.GoGoPool} minipools");
        }

        await using var gogopool = options.GoGoPool > 0 ? await GoGoPoolDevnet.StartAsync(options.GoGoPool, options.Nodes, cancellationToken) : null;
        if (gogopool is not null)
        {
            _progress.WriteLine($"GoGoPool chain on {gogopool.Chain.Node.RpcUrl} (pid {gogopool.ProcessId}): Storage {gogopool.Harness.Deployment.Storage}, "
                + $"minipools {string.Join(", ", gogopool.Plan.ByStatus.Select(s => $"{s.Value} {s.Key}"))}; {gogopool.Plan.ExpectedAlertKeys.Count} alerts expected; "
                + $"the rewards cycle falls due at {gogopool.RewardsCycle.DueAt}");
        }

        if (options.ProofDuties > 0)
        {
            _progress.WriteLine($"seeding proof duties: {options.ProofDuties} validators of each kind on the beacon chain");
            var proofTasks = await new ProofDutySeeder(chain, harness, beacon, _progress).SeedAsync(options.ProofDuties, cancellationToken);
            tasks = [.. tasks.Concat(proofTasks).OrderBy(t => t.DueAt)];
        }

        if (options.Store == "postgres")
        {
            _progress.WriteLine("starting PostgreSQL for the cluster store");
        }

        await using var postgres = options.Store == "postgres" ? await PostgresServer.StartNewAsync(cancellationToken) : null;
        var store = postgres is not null
            ? NodeFiles.Postgres(await postgres.CreateDatabaseAsync("keeper", cancellationToken))
            : NodeFiles.Sqlite(Path.Combine(options.WorkDirectory, "keeper.db"));
        if (postgres is not null)
        {
            _progress.WriteLine($"PostgreSQL on 127.0.0.1:{postgres.Port} (pid {postgres.ProcessId}, data in {postgres.Root}, removed at the end)");
        }

        var nodes = new List<NodeProcess>();
        // Counted from the first block the nodes can act in: a duty due at once may be done while the others start.
        var startBlock = await chain.Eth.BlockNumberAsync(cancellationToken) + 1;
        var gogopoolStartBlock = gogopool is null ? 0 : await gogopool.Chain.Eth.BlockNumberAsync(cancellationToken) + 1;
        try
        {
            _progress.WriteLine($"starting {options.Nodes} keeper node(s), each a keeper run process logging to {Path.Combine(options.WorkDirectory, "node-N.log")}");
            // One Akka cluster: node 1 is the seed (it starts the cluster), the others join through it.
            var ports = Enumerable.Range(0, options.Nodes).Select(_ => LoopbackPorts.Free()).ToArray();
            var seedNode = NodeFiles.SeedAddress(ports[0]);
            for (var i = 0; i < options.Nodes; i++)
            {
                nodes.Add(StartNode(i, chain, harness, store, NodeFiles.Cluster(ports[i], [seedNode]) + "\n" + NodeFiles.Beacon(beacon.Url) + "\n" + gogopool?.NodeConfig(options.BlockSeconds)));
            }

            await WaitReadyAsync(nodes, cancellationToken);
            await chain.SetAutomineAsync(false, cancellationToken);
            await chain.Rpc.SendAsync("evm_setIntervalMining", [options.BlockSeconds], cancellationToken);
            _progress.WriteLine($"{nodes.Count} keeper node(s) ready; blocks every {options.BlockSeconds} s from block {await chain.Eth.BlockNumberAsync(cancellationToken) + 1}");
            ulong endBlock, gogopoolEndBlock;
            using (var driving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                // Both clocks at once, each at the block interval; if one fails the other stops with it.
                var gogopoolDrive = gogopool is null ? Task.FromResult(0UL) : DriveGoGoPoolAsync(gogopool, driving.Token);
                try
                {
                    endBlock = await DriveTimeAsync(chain, tasks, driving.Token);
                    gogopoolEndBlock = await gogopoolDrive;
                }
                finally
                {
                    await driving.CancelAsync();
                    await Task.WhenAny(gogopoolDrive);
                }
            }

            var beaconHead = beacon.Chain.Head;
            _progress.WriteLine($"beacon chain: {beacon.Chain.Blocks.Count} blocks up to slot {beaconHead.Slot}, {beacon.Chain.Validators.Count} validators{(beacon.LastError is { } error ? $"; last follower error: {error.Message}" : string.Empty)}");

            // Read from the nodes while they run: the alerts are their own view, not the chain's.
            var gogopoolReport = gogopool is null ? null : await GoGoPoolAlertReader.ReadAsync(gogopool.Plan, nodes, cancellationToken);
            if (!options.Keep)
            {
                await StopAsync(nodes);
            }

            var nodeFacts = nodes.Select(n => (n.Id, Address.Parse(n.Address.ToLowerInvariant()), n.Status?.RpcRequests ?? 0)).ToArray();
            var report = await DevnetReportBuilder.BuildAsync(chain.Rpc, harness.Deployment.MegapoolManager, tasks, nodeFacts, startBlock, endBlock, cancellationToken,
                new BeaconTime(beacon.Chain.GenesisTime, new BeaconSpec(DevBeaconSpec.SecondsPerSlot, DevBeaconSpec.SlotsPerEpoch)),
                gogopool is null ? null : new DevnetSecondChain(gogopool.Chain.Rpc, gogopool.Harness.Deployment.RewardsPool, [gogopool.RewardsCycle], gogopoolStartBlock, gogopoolEndBlock));
            report = report with { Options = DevnetReportOptions.From(options), GoGoPool = gogopoolReport };
            var json = JsonSerializer.Serialize(report, StatusFile.Json);
            if (options.ReportPath is { } path)
            {
                await File.WriteAllTextAsync(path, json, cancellationToken);
            }

            _progress.WriteLine(json);
            if (options.Keep)
            {
                await KeepRunningAsync(anvil, gogopool, beacon, postgres, nodes, cancellationToken);
            }

            return report;
        }
        finally
        {
            await StopAsync(nodes);
        }
    }

    // --keep: the chain goes on mining, the beacon chain follows it and the nodes keep watching, until the operator stops the
    // devnet; that is its normal end, not a failure.
    private async Task KeepRunningAsync(AnvilNode anvil, GoGoPoolDevnet? gogopool, DevBeaconNode beacon, PostgresServer? postgres, IReadOnlyList<NodeProcess> nodes, CancellationToken cancellationToken)
    {
        _progress.WriteLine("--keep: still running until Ctrl-C (SIGINT) or SIGTERM, which stops them all:");
        _progress.WriteLine($"  anvil (pid {anvil.ProcessId}): {anvil.RpcUrl}, a block every {options.BlockSeconds} s");
        if (gogopool is not null)
        {
            _progress.WriteLine($"  GoGoPool anvil (pid {gogopool.ProcessId}): {gogopool.Chain.Node.RpcUrl}, chain id {GoGoPoolDevnet.ChainId}, a block every {options.BlockSeconds} s");
        }

        _progress.WriteLine($"  beacon node (in this process): {beacon.Url}");
        if (postgres is not null)
        {
            _progress.WriteLine($"  PostgreSQL (pid {postgres.ProcessId}): 127.0.0.1:{postgres.Port}, database keeper");
        }

        foreach (var node in nodes)
        {
            _progress.WriteLine($"  {node.Id} (pid {node.ProcessId}): dashboard {(node.Dashboard.IsCompletedSuccessfully ? node.Dashboard.Result : "unknown")}, log {node.LogPath}");
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _progress.WriteLine("stopping the devnet");
        }
    }

    private async Task<ulong> DriveGoGoPoolAsync(GoGoPoolDevnet gogopool, CancellationToken cancellationToken)
    {
        await gogopool.StartMiningAsync(options.BlockSeconds, cancellationToken);
        return await new GoGoPoolTimeDriver(gogopool, options.BlockSeconds, _progress).DriveAsync(cancellationToken);
    }

    // In parallel: each node may take its shutdown time, and a signal's grace period is short.
    private static Task StopAsync(IEnumerable<NodeProcess> nodes) => Task.WhenAll(nodes.Select(n => n.DisposeAsync().AsTask()));

    private void Clean()
    {
        try
        {
            var kept = DevnetWorkFolder.Clean(options.WorkDirectory, options.ReportPath);
            _progress.WriteLine($"devnet stopped; kept in {options.WorkDirectory}: {(kept.Count == 0 ? "nothing" : string.Join(", ", kept.Select(Path.GetFileName)))}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _progress.WriteLine($"devnet stopped; could not clean {options.WorkDirectory}: {e.Message}");
        }
    }

    private static async Task<IReadOnlyList<DevnetTask>> TasksAsync(DevChainClient chain, RocketPoolHarness harness, SeedResult seed, CancellationToken cancellationToken)
    {
        var batch = new BatchCaller(chain.Eth, new BatchCallerOptions { Multicall3 = harness.Multicall3 });
        var settings = await new MegapoolSettings(batch, harness.Deployment.MegapoolSettings).ReadAsync(BlockTag.Latest, cancellationToken);
        var launchTimeout = await new MinipoolSettings(chain.Eth, harness.Deployment.MinipoolSettings).GetLaunchTimeoutAsync(BlockTag.Latest, cancellationToken);
        var tasks = new List<DevnetTask>();
        foreach (var group in seed.Prestaked.GroupBy(p => p.Megapool))
        {
            var ids = group.Select(g => g.ValidatorId).ToArray();
            var infos = await new Megapool(chain.Eth, batch, group.Key).GetValidatorInfosAsync(ids, BlockTag.Latest, cancellationToken);
            tasks.AddRange(ids.Select((id, i) => new DevnetTask(TaskKeys.DissolveMegapoolValidator(group.Key, id), group.Key, id, infos[i].LastAssignmentTime + settings.TimeBeforeDissolve + 1, DevnetTaskKind.DissolveMegapoolValidator)));
        }

        foreach (var state in await Minipool.ReadAsync(batch, seed.Prelaunch, BlockTag.Latest, cancellationToken))
        {
            tasks.Add(new DevnetTask(TaskKeys.DissolveMinipool(state.Minipool), state.Minipool, null, state.StatusTime + launchTimeout, DevnetTaskKind.DissolveMinipool));
        }

        return tasks.OrderBy(t => t.DueAt).ToArray();
    }

    private NodeProcess StartNode(int index, DevChainClient chain, RocketPoolHarness harness, string store, string cluster)
    {
        var id = $"node-{index + 1}";
        var key = chain.Keys[index + 1];
        var config = NodeFiles.Write(options.WorkDirectory, id, key, chain.Node.RpcUrl, harness, store, options.BlockSeconds, options.GateEnabled, cluster);
        return NodeProcess.Start(id, key.Address.ToString(), config, options.WorkDirectory);
    }

    private async Task WaitReadyAsync(IReadOnlyList<NodeProcess> nodes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        // Each node's dashboard as soon as it listens, before anything else: the operator can watch the nodes come up. Then
        // ready, and every node sees every other Up in the cluster: otherwise the first deadlines would be shared out among
        // fewer members than run.
        var shown = new HashSet<string>();
        var waiting = false;
        while (!nodes.All(n => shown.Contains(n.Id) && n.Status is { Ready: true } status && status.Members.Count == nodes.Count))
        {
            foreach (var node in nodes.Where(n => n.Dashboard.IsCompletedSuccessfully && shown.Add(n.Id)))
            {
                _progress.WriteLine($"{node.Id} dashboard: {node.Dashboard.Result} (pid {node.ProcessId}; /api, /metrics, /health, /ready)");
            }

            if (shown.Count == nodes.Count && !waiting)
            {
                waiting = true;
                _progress.WriteLine(nodes.Count == 1 ? "waiting for the node to be ready" : $"waiting for the {nodes.Count} nodes to be ready and to see each other in the cluster");
            }

            if (nodes.FirstOrDefault(n => n.HasExited) is { } dead)
            {
                throw new InvalidOperationException($"Keeper {dead.Id} exited during start-up; see {dead.LogPath}.");
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    // Jumps the clock to shortly before the next deadline, then lets blocks come at the block interval, until every
    // deadline has passed and its action is done (or a grace period ran out). Returns the last block of the run. A proof
    // duty left undone for the grace period does not hold the clock back (the keepers may not perform that kind), so
    // the run stays bounded; it shows in the report as due and not done.
    private async Task<ulong> DriveTimeAsync(DevChainClient chain, IReadOnlyList<DevnetTask> tasks, CancellationToken cancellationToken)
    {
        var interval = (ulong)options.BlockSeconds;
        var lastDue = tasks.Count > 0 ? tasks[^1].DueAt : 0;
        var grace = 20 * interval;
        ulong? graceEnd = null;
        var lastPrinted = 0UL;
        var lastJump = 0UL;
        while (true)
        {
            var head = await chain.Eth.GetBlockAsync(BlockTag.Latest, cancellationToken);
            var doneFlags = await DoneAsync(chain, tasks, cancellationToken);
            var done = doneFlags.Count(d => d);
            var due = tasks.Count(t => t.DueAt <= head.Timestamp);
            // Due by the next block and not done: no jump then. A jump would carry a proof duty's chain time past the slots it
            // was about to prove, and measure something other than how soon the keepers act.
            var waiting = tasks.Where((t, i) => t.DueAt <= head.Timestamp + interval && !doneFlags[i] && !(IsProofDuty(t.Kind) && head.Timestamp >= t.DueAt + grace)).Count();
            if (head.Number != lastPrinted)
            {
                _progress.WriteLine($"block {head.Number} time {head.Timestamp}: {due}/{tasks.Count} due, {done} done");
                lastPrinted = head.Number;
            }

            if (head.Timestamp >= lastDue && (done == tasks.Count || (graceEnd ??= head.Number + 20) <= head.Number))
            {
                // A few more blocks so late confirmations and replacements are on chain too.
                await Task.Delay(TimeSpan.FromSeconds(options.BlockSeconds * 3), cancellationToken);
                return await chain.Eth.BlockNumberAsync(cancellationToken);
            }

            var next = tasks.Where(t => t.DueAt > head.Timestamp + interval).Select(t => t.DueAt).DefaultIfEmpty().Min();
            if (next > 0 && next - head.Timestamp > 6 * interval && next - (3 * interval) != lastJump && waiting == 0)
            {
                var target = lastJump = next - (3 * interval);
                _progress.WriteLine($"jumping chain time to {target}, {3 * interval} s before the next deadline");
                await chain.SetNextBlockTimestampAsync(target, cancellationToken);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(options.BlockSeconds * 500), cancellationToken);
        }
    }

    private static bool IsProofDuty(DevnetTaskKind kind) => kind is DevnetTaskKind.NotifyExit or DevnetTaskKind.DissolveProof or DevnetTaskKind.FinalBalance;

    // Whether each task's action has happened, read from the chain: a dissolved minipool or validator, an exiting (or
    // since exited) validator for an exit report, an exited one for a final balance.
    private static async Task<bool[]> DoneAsync(DevChainClient chain, IReadOnlyList<DevnetTask> tasks, CancellationToken cancellationToken)
    {
        var calls = tasks.Select(t => t.ValidatorId is { } id
            ? Megapool.GetValidatorInfoCall(t.Target, id)
            : Minipool.GetStatusCall(t.Target)).ToArray();
        var results = await new BatchCaller(chain.Eth).CallAsync(calls, BlockTag.Latest, cancellationToken);
        var done = new bool[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            var data = results[i].GetReturnDataOrThrow(i);
            done[i] = tasks[i].Kind switch
            {
                DevnetTaskKind.DissolveMinipool => Minipool.DecodeStatus(data) == (byte)MinipoolStatus.Dissolved,
                DevnetTaskKind.NotifyExit => Megapool.DecodeValidatorInfo(data) is { } info && (info.Exiting || info.Exited),
                DevnetTaskKind.FinalBalance => Megapool.DecodeValidatorInfo(data).Exited,
                _ => Megapool.DecodeValidatorInfo(data).Dissolved,
            };
        }

        return done;
    }
}
