using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Host.Devnet;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>
/// A real keeper process (<c>keeper run</c>) against anvil with the harness, on a chain the test mines by hand: each block
/// is mined at the timestamp the test chooses, so the test decides exactly when a deadline passes.
/// </summary>
public abstract class KeeperProcessTestBase : IAsyncLifetime
{
    protected const int BlockSeconds = 2;

    /// <summary>Settings under which a node notices within a fraction of a second that the shared store stopped answering.</summary>
    protected const string FastStoreProbe = "gate.store-probe-interval = 300ms";
    // Tests share two cores with other work and assert on chain time, not on how fast a failure is noticed: a detector more
    // patient than reference.conf's keeps a stalled but live node from being downed (and stopped) mid-test.
    // bench/ (cluster-failover) measures the reference settings.
    private const string PatientCluster = "failure-detector { heartbeat-interval = 1s, acceptable-heartbeat-pause = 5s }\nsplit-brain-resolver.stable-after = 5s";
    private readonly List<NodeProcess> _nodes = [];
    private readonly Dictionary<int, int> _clusterPorts = [];
    private readonly Dictionary<int, NodeProcess> _running = [];
    private readonly Dictionary<int, int> _publicPorts = [];
    private AnvilNode? _anvil;
    private Address? _megapool;

    protected DevChainClient Chain { get; private set; } = null!;

    protected RocketPoolHarness Harness { get; private set; } = null!;

    protected string Work { get; } = Directory.CreateTempSubdirectory("keeper-test-").FullName;

    protected Address KeeperAddress => Chain.Keys[1].Address;

    /// <summary>True: seeds are written akka.ssl.tcp:// (the test configures keeper.cluster.tls itself).</summary>
    protected bool ClusterTls { get; set; }

    public async Task InitializeAsync()
    {
        _anvil = await AnvilNode.StartAsync();
        Chain = new DevChainClient(_anvil);
        Harness = await RocketPoolHarness.DeployAsync(Chain, Chain.Keys[0]);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        Chain.Dispose();
        if (_anvil is not null)
        {
            await _anvil.DisposeAsync();
        }

        Directory.Delete(Work, recursive: true);
    }

    /// <summary>Starts the keeper process (node-1, signing with dev account 1) and waits until it has read the chain.</summary>
    protected Task<NodeProcess> StartKeeperAsync(string extraConfig = "", IReadOnlyDictionary<string, string>? environment = null) =>
        StartKeeperAsync(1, extraConfig, environment);

    /// <summary>Starts keeper node-<paramref name="index"/> (dev account <paramref name="index"/>) and waits until it has read the chain.</summary>
    /// <remarks>
    /// Every node is a member of one Akka cluster on the loopback: node-<paramref name="index"/> keeps its remoting port
    /// across restarts, and joins through the nodes of this test still running, itself listed last, so the first node
    /// starts the cluster at once and a restarted node rejoins it. <paramref name="extraConfig"/> may hold
    /// <c>cluster { … }</c> keys of its own (given later, they win).
    /// </remarks>
    protected async Task<NodeProcess> StartKeeperAsync(int index, string extraConfig, IReadOnlyDictionary<string, string>? environment = null, string? storeBlock = null)
    {
        var node = LaunchKeeper(index, extraConfig, environment, storeBlock);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (node.Status?.Ready != true)
        {
            Assert.False(node.HasExited, $"keeper {node.Id} exited during start-up:\n{Log(node.Id)}");
            await Task.Delay(100, timeout.Token);
        }

        return node;
    }

    /// <summary>
    /// Starts keeper node-<paramref name="index"/> as <see cref="StartKeeperAsync(int, string, IReadOnlyDictionary{string, string}?, string?)"/>
    /// does, without waiting for it; it signs with dev account <paramref name="keyIndex"/> (default: its own index).
    /// </summary>
    protected NodeProcess LaunchKeeper(int index, string extraConfig, IReadOnlyDictionary<string, string>? environment = null, string? storeBlock = null, int? keyIndex = null)
    {
        var id = $"node-{index}";
        var key = Chain.Keys[keyIndex ?? index];
        var port = ClusterPort(index);
        var seeds = _running.Where(n => n.Key != index && !n.Value.HasExited).OrderBy(n => n.Key).Select(n => NodeFiles.SeedAddress(PublicPort(n.Key), ClusterTls))
            .Append(NodeFiles.SeedAddress(PublicPort(index), ClusterTls));
        var advertised = PatientCluster + (_publicPorts.TryGetValue(index, out var publicPort) ? $"\npublic-port = {publicPort}" : string.Empty);
        var config = NodeFiles.Write(Work, id, key, Chain.Node.RpcUrl, Harness, storeBlock ?? NodeFiles.Sqlite(Path.Combine(Work, "keeper.db")), BlockSeconds, gateEnabled: true,
            "chain.poll-interval = 100ms\n" + NodeFiles.Cluster(port, seeds, advertised) + "\n" + extraConfig);
        File.Delete(Path.Combine(Work, $"{id}.status.json"));
        var node = NodeProcess.Start(id, key.Address.ToString(), config, Work, environment);
        _nodes.Add(node);
        _running[index] = node;
        return node;
    }

    /// <summary>Stops mining by itself: from here on blocks come only from <see cref="MineAtAsync"/>.</summary>
    protected async Task ManualMiningAsync()
    {
        await Chain.SetAutomineAsync(false);
        await Chain.Rpc.SendAsync("evm_setIntervalMining", [0], CancellationToken.None);
    }

    /// <summary>Mines one block at <paramref name="timestamp"/> and waits until the keeper has processed it (unless it is about to crash: null).</summary>
    protected async Task MineAtAsync(ulong timestamp, NodeProcess? node)
    {
        await Chain.SetNextBlockTimestampAsync(timestamp);
        await Chain.MineAsync();
        if (node is not null)
        {
            await WaitForHeadAsync(node, await Chain.Eth.BlockNumberAsync(CancellationToken.None));
        }
    }

    /// <summary>
    /// Mines the two blocks before <paramref name="dueAt"/>, asserting the keeper sends nothing a block early and has its
    /// transaction in the pool for the first valid block, then mines that block.
    /// </summary>
    protected async Task MineThroughFirstValidBlockAsync(ulong dueAt, NodeProcess node)
    {
        await MineAtAsync(dueAt - (2 * BlockSeconds), node);
        Assert.False(await WaitForKeeperTransactionAsync(TimeSpan.FromSeconds(2)), "nothing may be sent before the action is valid in the next block");
        await MineAtAsync(dueAt - BlockSeconds, node);
        Assert.True(await WaitForKeeperTransactionAsync(TimeSpan.FromSeconds(15)), $"the keeper sent nothing for the first valid block:\n{Log()}");
        await MineAtAsync(dueAt, node);
    }

    /// <summary>Mines one block at <paramref name="timestamp"/> and waits until every one of <paramref name="nodes"/> has processed it.</summary>
    protected async Task MineAtSeenByAllAsync(ulong timestamp, IReadOnlyList<NodeProcess> nodes)
    {
        await Chain.SetNextBlockTimestampAsync(timestamp);
        await Chain.MineAsync();
        var block = await Chain.Eth.BlockNumberAsync(CancellationToken.None);
        foreach (var node in nodes)
        {
            await WaitForHeadAsync(node, block);
        }
    }

    /// <summary>Waits until the keeper reports <paramref name="block"/> as its head and has had a moment to act on it.</summary>
    protected static async Task WaitForHeadAsync(NodeProcess node, ulong block)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((node.Status?.HeadNumber ?? 0) < block)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Waits until the pool holds a transaction from the keeper, or gives up after <paramref name="within"/>.</summary>
    protected async Task<bool> WaitForKeeperTransactionAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (await Chain.Eth.GetTransactionCountAsync(KeeperAddress, BlockTag.Pending, CancellationToken.None) == await Chain.Eth.GetTransactionCountAsync(KeeperAddress, BlockTag.Latest, CancellationToken.None))
            {
                await Task.Delay(50, timeout.Token);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits until the pool holds a transaction from dev account <paramref name="index"/>, or gives up after <paramref name="within"/>.</summary>
    protected async Task<bool> WaitForTransactionFromAsync(int index, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (await NonceAsync(index, BlockTag.Pending) == await NonceAsync(index, BlockTag.Latest))
        {
            if (timeout.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        return true;
    }

    /// <summary>The remoting port of node-<paramref name="index"/> (the same across its restarts); a test may give it before the node starts.</summary>
    protected int ClusterPort(int index, int? port = null)
    {
        if (port is { } given)
        {
            _clusterPorts[index] = given;
        }

        return _clusterPorts.TryGetValue(index, out var known) ? known : _clusterPorts[index] = LoopbackPorts.Free();
    }

    /// <summary>Makes node-<paramref name="index"/> tell the other members to reach it at <paramref name="port"/> (a proxy in front of its own port).</summary>
    protected void AdvertiseVia(int index, int port) => _publicPorts[index] = port;

    private int PublicPort(int index) => _publicPorts.TryGetValue(index, out var port) ? port : ClusterPort(index);

    /// <summary>Two distinct free ports, the lower first.</summary>
    protected static (int Low, int High) TwoPorts()
    {
        var a = LoopbackPorts.Free();
        var b = LoopbackPorts.Free();
        while (b == a)
        {
            b = LoopbackPorts.Free();
        }

        return (Math.Min(a, b), Math.Max(a, b));
    }

    /// <summary>
    /// Waits until <paramref name="node"/>'s cluster view holds no member of id <paramref name="id"/> that is not downed:
    /// the node is downed or removed, so its pending claims may be taken over once their window ends.
    /// </summary>
    protected static async Task WaitForDownedAsync(NodeProcess node, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (node.Status is not { } status || status.Cluster.Any(m => m.StartsWith(id + " ", StringComparison.Ordinal) && !m.Contains("Down", StringComparison.Ordinal)))
        {
            Assert.False(timeout.IsCancellationRequested, $"{node.Id} still counts {id} as a live member: {string.Join(", ", node.Status?.Cluster ?? [])}");
            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>Waits until each of <paramref name="nodes"/> sees <paramref name="count"/> members in its gate.</summary>
    protected static async Task WaitForMembersAsync(IEnumerable<NodeProcess> nodes, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!nodes.All(n => n.Status is { } s && s.Members.Count == count))
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; after <paramref name="within"/> fails with what was expected.</summary>
    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within, Func<string> expected)
    {
        using var timeout = new CancellationTokenSource(within);
        while (!await condition())
        {
            Assert.False(timeout.IsCancellationRequested, expected());
            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>Waits until no claim is left open (pending) in the nodes' shared SQLite store; fails naming those left after 15 s.</summary>
    protected async Task AssertNoClaimLeftOpenAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        IReadOnlyList<string> open;
        while ((open = await OpenClaimsAsync()).Count > 0)
        {
            Assert.False(timeout.IsCancellationRequested, $"claims left open (task window member): {string.Join(", ", open)}");
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<string>> OpenClaimsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Work, "keeper.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT task_key, window_nr, member_id FROM claim WHERE state = 'pending'";
        await using var reader = await command.ExecuteReaderAsync();
        var open = new List<string>();
        while (await reader.ReadAsync())
        {
            open.Add($"{reader.GetString(0)} {reader.GetInt64(1)} {reader.GetString(2)}");
        }

        return open;
    }

    /// <summary>A prestaked validator and its first valid block timestamp (strictly after the deadline).</summary>
    protected async Task<(Address Megapool, uint Id, ulong DueAt)> PrestakedValidatorAsync()
    {
        var megapool = _megapool ??= await Harness.CreateMegapoolAsync(Chain.Keys[5].Address);
        var id = await Harness.NewValidatorAsync(megapool);
        await Harness.AssignAsync(megapool, id);
        var info = await new Megapool(Chain.Eth, new Keeper.Chain.Calls.BatchCaller(Chain.Eth), megapool).GetValidatorInfoAsync(id, BlockTag.Latest, CancellationToken.None);
        return (megapool, id, info.LastAssignmentTime + (28UL * 24 * 60 * 60) + 1);
    }

    /// <summary>Mines the first valid block and four more, then asserts the validator was dissolved by the keeper's one and only transaction.</summary>
    protected async Task AssertDoneOnceAsync(Address megapool, uint id, ulong dueAt, NodeProcess node)
    {
        await MineAtAsync(dueAt, node);
        for (var i = 1; i <= 4; i++)
        {
            await MineAtAsync(dueAt + (ulong)(i * BlockSeconds), node);
        }

        Assert.True(await DissolvedAsync(megapool, id), Log());
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Pending));
    }

    protected async Task<bool> DissolvedAsync(Address megapool, uint id) =>
        (await new Megapool(Chain.Eth, new Keeper.Chain.Calls.BatchCaller(Chain.Eth), megapool).GetValidatorInfoAsync(id, BlockTag.Latest, CancellationToken.None)).Dissolved;

    protected Task<ulong> KeeperNonceAsync(BlockTag tag) => Chain.Eth.GetTransactionCountAsync(KeeperAddress, tag, CancellationToken.None);

    protected Task<ulong> NonceAsync(int index, BlockTag tag) => Chain.Eth.GetTransactionCountAsync(Chain.Keys[index].Address, tag, CancellationToken.None);

    protected string Log(string id = "node-1") => File.Exists(Path.Combine(Work, $"{id}.log")) ? File.ReadAllText(Path.Combine(Work, $"{id}.log")) : "(no log)";
}
