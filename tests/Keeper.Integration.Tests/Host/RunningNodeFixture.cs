using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.GoGoPool;
using Xunit;

namespace Keeper.Integration.Tests.Host;

/// <summary>
/// One devnet keeper process (<c>keeper run</c>) shared by the host tests: anvil with the harness, one prestaked megapool
/// validator (a dissolve deadline 28 days out), and a node whose RPC URLs carry credentials: a dead first endpoint (so the
/// failover path logs) and the live anvil with user-info and an API key in the query. The node also follows GoGoPool
/// (keeper.gogopool) on a second anvil that makes a block every 2 s: minipools in Error, overdue Staking and Prelaunch.
/// </summary>
public sealed class RunningNodeFixture : IAsyncLifetime
{
    /// <summary>The GoGoPool chain's id.</summary>
    public const ulong GoGoPoolChainId = 43112;

    /// <summary>The password in the RPC URLs' user-info.</summary>
    public const string RpcPassword = "rpc-pa55-Zq81";

    /// <summary>The API key in the RPC URLs' path and query.</summary>
    public const string ApiKey = "apikey-7f3a9c0e51";

    private AnvilNode? _anvil;
    private AnvilNode? _goGoPoolAnvil;
    private NodeProcess? _node;

    public DevChainClient GoGoPoolChain { get; private set; } = null!;

    public GoGoPoolHarness GoGoPool { get; private set; } = null!;

    /// <summary>The seeded minipools: one in Error, one Staking already overdue, one in Prelaunch.</summary>
    public (Address Failed, Address Overdue, Address Waiting) Minipools { get; } = (
        Address.Parse("0x00000000000000000000000000000000000e4401"), Address.Parse("0x00000000000000000000000000000000000e4402"), Address.Parse("0x00000000000000000000000000000000000e4403"));

    public string Work { get; } = Directory.CreateTempSubdirectory("keeper-host-test-").FullName;

    public DevChainClient Chain { get; private set; } = null!;

    public NodeProcess Node => _node!;

    public Uri Http { get; private set; } = null!;

    public Address Megapool { get; private set; }

    public string TaskKey { get; private set; } = string.Empty;

    public ulong DueAt { get; private set; }

    /// <summary>Every secret of the node's configuration: none may appear in a log, an API answer or the dashboard.</summary>
    public IReadOnlyList<string> Secrets { get; private set; } = [];

    public string Log => File.Exists(Path.Combine(Work, "node-1.log")) ? File.ReadAllText(Path.Combine(Work, "node-1.log")) : "(no log)";

    public async Task InitializeAsync()
    {
        _anvil = await AnvilNode.StartAsync();
        Chain = new DevChainClient(_anvil);
        var harness = await RocketPoolHarness.DeployAsync(Chain, Chain.Keys[0]);
        Megapool = await harness.CreateMegapoolAsync(Chain.Keys[5].Address);
        var id = await harness.NewValidatorAsync(Megapool);
        await harness.AssignAsync(Megapool, id);
        var info = await new Megapool(Chain.Eth, new BatchCaller(Chain.Eth), Megapool).GetValidatorInfoAsync(id, BlockTag.Latest, CancellationToken.None);
        DueAt = info.LastAssignmentTime + (28UL * 24 * 60 * 60) + 1;
        TaskKey = Keeper.Actors.Tracking.TaskKeys.DissolveMegapoolValidator(Megapool, id);

        _goGoPoolAnvil = await AnvilNode.StartAsync(new AnvilOptions { ChainId = GoGoPoolChainId, BlockTimeSeconds = 2 });
        GoGoPoolChain = new DevChainClient(_goGoPoolAnvil);
        GoGoPool = await GoGoPoolHarness.DeployAsync(GoGoPoolChain, GoGoPoolChain.Keys[0]);
        var now = (await GoGoPoolChain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None)).Timestamp;
        const ulong Day = 24 * 60 * 60;
        var owner = Chain.Keys[5].Address;
        await GoGoPool.SeedMinipoolAsync(Minipools.Failed, owner, GoGoMinipoolStatus.Error, 28 * Day, now - (3 * Day), now - (2 * Day), 0, "EC2");
        // Its 14-day cycle started 16 days ago: past its end plus the 1-day tolerance.
        await GoGoPool.SeedMinipoolAsync(Minipools.Overdue, owner, GoGoMinipoolStatus.Staking, 28 * Day, now - (17 * Day), now - (16 * Day), 0);
        await GoGoPool.SeedMinipoolAsync(Minipools.Waiting, owner, GoGoMinipoolStatus.Prelaunch, 28 * Day, now, 0, 0);

        var anvil = _anvil.RpcUrl;
        var live = new Uri($"http://keeper:{RpcPassword}@{anvil.Host}:{anvil.Port}/?key={ApiKey}");
        var dead = $"http://keeper:{RpcPassword}@127.0.0.1:1/v3/{ApiKey}";
        var config = NodeFiles.Write(Work, "node-1", Chain.Keys[1], live, harness, NodeFiles.Sqlite(Path.Combine(Work, "keeper.db")), blockSeconds: 2, gateEnabled: true,
            $"chain {{ poll-interval = 100ms, rpc = [\"{dead}\", \"{live}\"], rpc-attempts = 3 }}\n" +
            // The megapool's operator is own (a hot wallet signing for it), its stake deadline inside the warning's lead time.
            $"own {{ node-addresses = [\"{Chain.Keys[5].Address}\"], warn-before-dissolve = 29d }}\n" +
            $"gogopool {{ enabled = on, chain-id = {GoGoPoolChainId}, rpc = [\"{_goGoPoolAnvil.RpcUrl}\"], storage = \"{GoGoPool.Deployment.Storage}\", slot = 2s, poll-interval = 200ms, " +
            $"owners = [\"{owner}\"], alerts.withdraw-grace = 1h }}");
        Secrets = [RpcPassword, ApiKey, "keeper-devnet", Convert.ToHexString(Chain.Keys[1].ExportBytes()).ToLowerInvariant()];
        _node = NodeProcess.Start("node-1", Chain.Keys[1].Address.ToString(), config, Work, new Dictionary<string, string> { ["KEEPER_LOG_LEVEL"] = "Debug" });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // The status file is written from the node's board, whose registry figures follow the watcher's head within a second.
        while (_node.Status is not { Ready: true, Megapools: 1 } || StatusFile.TryReadHttp(_node.StatusPath) is null)
        {
            Assert.False(_node.HasExited, $"the keeper exited during start-up:\n{Log}");
            await Task.Delay(100, timeout.Token);
        }

        Http = StatusFile.TryReadHttp(_node.StatusPath)!;
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        Chain?.Dispose();
        if (_anvil is not null)
        {
            await _anvil.DisposeAsync();
        }

        GoGoPoolChain?.Dispose();
        if (_goGoPoolAnvil is not null)
        {
            await _goGoPoolAnvil.DisposeAsync();
        }

        Directory.Delete(Work, recursive: true);
    }
}
