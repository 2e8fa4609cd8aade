using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Pattern;
using Akka.Hosting.Logging;
using Keeper.Actors.Gate;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Logging;
using Keeper.Actors.Membership;
using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Beacon;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Crypto;
using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Chain.Watching;
using Microsoft.Extensions.Logging;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Host.Node;

/// <summary>
/// One keeper node, wired from its settings: JSON-RPC client, store, actor system, deadline scheduler, pool registry,
/// chain watcher, submitter and submission gate. <see cref="StartAsync"/> checks the chain and the store before any
/// actor starts, so a misconfiguration fails at once with a clear error.
/// </summary>
public sealed partial class KeeperNode : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _resources;
    private readonly JsonRpcClient _rpc;
    private readonly IActorRef _scheduler;
    private readonly IActorRef _registry;
    private readonly IActorRef _gate;
    private readonly IActorRef _submitter;
    private readonly IActorRef _watcher;
    private readonly IActorRef _membership;

    private KeeperNode(KeeperSettings settings, Address address, ActorSystem system, JsonRpcClient rpc, List<IAsyncDisposable> resources,
        IActorRef scheduler, IActorRef registry, IActorRef gate, IActorRef submitter, IActorRef watcher, IActorRef membership)
    {
        _membership = membership;
        Settings = settings;
        Address = address;
        System = system;
        _rpc = rpc;
        _resources = resources;
        _scheduler = scheduler;
        _registry = registry;
        _gate = gate;
        _submitter = submitter;
        _watcher = watcher;
    }

    /// <summary>The settings the node runs with.</summary>
    public KeeperSettings Settings { get; }

    /// <summary>The node's signing address.</summary>
    public Address Address { get; }

    /// <summary>The node's id in logs and the cluster.</summary>
    public string NodeId => string.IsNullOrEmpty(Settings.NodeId) ? $"keeper-{Address.ToLowerHex()[2..10]}" : Settings.NodeId;

    /// <summary>The actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The gate, for the membership service to tell who the members are.</summary>
    public IActorRef Gate => _gate;

    // Akka's own log events go to the node's logger factory, like everything else the node logs.
    private static Config ActorConfig { get; } = ConfigurationFactory.ParseString("""
        akka.loggers = ["Akka.Hosting.Logging.LoggerFactoryLogger, Akka.Hosting"]
        """);

    // The operator's akka { } section (hocon/, environment overrides applied) first, then the journal and snapshot
    // store on the node's store with Keeper's serializer, then the node's logging.
    private static Config ActorSystemConfig(KeeperSettings settings, SqlStoreLocation store) =>
        ConfigurationFactory.ParseString(settings.AkkaHocon)
            .WithFallback(KeeperSerializer.Configuration)
            .WithFallback(SqlPersistenceConfig.For(store))
            .WithFallback(ActorConfig);

    /// <summary>Starts a node. The key is owned by the node from here on.</summary>
    public static async Task<KeeperNode> StartAsync(KeeperSettings settings, PrivateKey key, ILoggerFactory loggerFactory, TimeProvider timeProvider, Action<string>? faultPoint, CancellationToken cancellationToken)
    {
        var resources = new List<IAsyncDisposable>();
        var rpc = new JsonRpcClient(
            new JsonRpcClientOptions { Endpoints = settings.Chain.Rpc, RequestTimeout = settings.Chain.RpcTimeout, MaxAttempts = settings.Chain.RpcAttempts },
            null, timeProvider, loggerFactory.CreateLogger<JsonRpcClient>());
        var eth = new EthApi(rpc);
        var chainId = await eth.ChainIdAsync(cancellationToken);
        var batch = new BatchCaller(eth, new BatchCallerOptions { Multicall3 = settings.Chain.Multicall3 });
        var deployment = await new RocketStorage(eth, settings.RocketStorage).ResolveAsync(batch, BlockTag.Latest, cancellationToken);
        // The store belongs to one chain: a store of another chain (a reused devnet folder, a wrong path) is refused here,
        // before anything could resume its transactions.
        var genesis = await eth.GetBlockAsync(BlockTag.Earliest, cancellationToken);
        var location = settings.Store.Kind == StoreKind.Postgres
            ? SqlStoreLocation.Postgres(settings.Store.ConnectionString)
            : await SqlPersistenceConfig.PrepareSqliteAsync(settings.Store.Path, cancellationToken);
        await StoreBinding.EnsureAsync(location, new StoreBinding(chainId, genesis.Hash, settings.RocketStorage), cancellationToken);
        var (claims, members) = await OpenStoreAsync(location, timeProvider, loggerFactory, resources, cancellationToken);
        var snapshots = new SnapshotScope(key.Address);
        var beacon = await BeaconAsync(settings.Beacon, timeProvider, loggerFactory, cancellationToken);

        var system = ActorSystem.Create("keeper", ActorSystemSetup.Create(
            BootstrapSetup.Create().WithConfig(ActorSystemConfig(settings, location)),
            new LoggerFactorySetup(loggerFactory),
            new KeeperLoggingSetup(loggerFactory)));
        var scheduler = system.ActorOf(DeadlineScheduler.Props((ulong)settings.Chain.Slot.TotalSeconds), "scheduler");
        var registry = system.ActorOf(PoolRegistry.Props(new TrackerOptions(scheduler, snapshots, settings.Tracking.PassivateAfter, null), beacon), "registry");
        var fees = new FeeOracle(eth, new FeeOracleOptions
        {
            BlockCount = settings.Fees.HistoryBlocks,
            RewardPercentile = settings.Fees.RewardPercentile,
            MinPriorityFeePerGas = settings.Fees.MinPriorityFeePerGas,
            MaxFeePerGasCap = settings.Fees.MaxFeePerGas,
        });
        var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            Hex.Encode(Megapool.DissolveValidatorFunction.Selector),
            Hex.Encode(Minipool.DissolveFunction.Selector),
        };
        var submitterOptions = new SubmitterOptions(chainId, allowed)
        {
            MinProfitWei = settings.Profit.MinProfitWei,
            ActWithoutReward = settings.Profit.ActWithoutReward,
            Confirmations = settings.Chain.Confirmations,
            BumpAfterBlocks = settings.Fees.BumpAfterBlocks,
            FaultPoint = faultPoint,
            Slot = settings.Chain.Slot,
        };
        var memberId = string.IsNullOrEmpty(settings.NodeId) ? key.Address.ToLowerHex() : settings.NodeId;
        var guard = new ClaimResendGuard(settings.Gate.Enabled ? claims : null, memberId, new EthCallSimulator(eth), timeProvider);
        var submitter = system.ActorOf(SubmitterSupervisor(Submitter.Props(submitterOptions, new SubmitterDependencies(key, eth, fees) { ResendGuard = guard })), "submitter");
        var gate = system.ActorOf(SubmissionGate.Props(new SubmissionGateOptions(
            key.Address, memberId, (ulong)settings.Gate.Window.TotalSeconds, claims, new EthCallSimulator(eth), submitter, settings.Gate.Enabled, WaitForMembership: true)), "gate");
        var membership = system.ActorOf(MembershipAgent.Props(
            members, new MemberInfo(memberId, key.Address, Environment.MachineName, timeProvider.GetUtcNow()), settings.Gate.Heartbeat, settings.Gate.SuspicionTimeout, gate), "membership");
        scheduler.Tell(new SubscribeDuties(gate));
        var watcherOptions = new ChainWatcherOptions
        {
            Follower = new ChainFollowerOptions { HistoryDepth = settings.Chain.HistoryDepth },
            Logs = new LogFetcherOptions { MaxBlocksPerRequest = settings.Chain.LogRange },
        };
        var watcher = system.ActorOf(ChainWatcherActor.Props(
            () => new ChainWatcher(eth, batch, deployment, watcherOptions, loggerFactory), registry,
            new ChainWatcherActorOptions(settings.Chain.PollInterval, settings.Tracking.CheckpointEveryBlocks, settings.Chain.Slot, snapshots)), "watcher");
        var node = new KeeperNode(settings, key.Address, system, rpc, resources, scheduler, registry, gate, submitter, watcher, membership);
        LogStarted(loggerFactory.CreateLogger<KeeperNode>(), node.NodeId, key.Address.ToString(), chainId, deployment.Storage.ToString());
        return node;
    }

    /// <summary>Asks every part of the node for its state.</summary>
    public async Task<NodeStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(10);
        var head = (await _watcher.Ask<WatcherHead>(GetWatcherHead.Instance, timeout, cancellationToken)).Head;
        var registry = await _registry.Ask<RegistryStats>(GetRegistryStats.Instance, timeout, cancellationToken);
        var duties = await _scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, timeout, cancellationToken);
        var gate = await _gate.Ask<GateStatus>(GetGateStatus.Instance, timeout, cancellationToken);
        var submitter = await _submitter.Ask<SubmitterStatus>(GetSubmitterStatus.Instance, timeout, cancellationToken);
        return new NodeStatus(
            NodeId, Address.ToString(), head is not null, head?.Number ?? 0, head?.Timestamp ?? 0,
            registry.Megapools, registry.Minipools, registry.LiveTrackers,
            duties.Duties.Count, duties.Duties.Count(d => d.Due),
            gate.Members.Select(m => m.ToString()).ToArray(), gate.StoreReachable, gate.TurnsHeld, gate.Claimed, gate.Succeeded,
            submitter.Transactions.Count(t => t.State is TransactionState.Created or TransactionState.Pending),
            submitter.Transactions.Count,
            _rpc.RequestCount, _rpc.ErrorCount);
    }

    /// <summary>The scheduler's duties, earliest first (read-only, for the HTTP API).</summary>
    public Task<DutiesSnapshot> GetDutiesAsync(CancellationToken cancellationToken) =>
        _scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, TimeSpan.FromSeconds(10), cancellationToken);

    /// <summary>The submitter's transactions (read-only, for the HTTP API).</summary>
    public Task<SubmitterStatus> GetSubmitterStatusAsync(CancellationToken cancellationToken) =>
        _submitter.Ask<SubmitterStatus>(GetSubmitterStatus.Instance, TimeSpan.FromSeconds(10), cancellationToken);

    /// <summary>The gate's members, tasks and counters (read-only, for the HTTP API).</summary>
    public Task<GateStatus> GetGateStatusAsync(CancellationToken cancellationToken) =>
        _gate.Ask<GateStatus>(GetGateStatus.Instance, TimeSpan.FromSeconds(10), cancellationToken);

    /// <summary>A transaction's receipt through the node's client (read-only: the metrics price the gas spent with it).</summary>
    public Task<TransactionReceipt?> GetReceiptAsync(Hash32 hash, CancellationToken cancellationToken) =>
        new EthApi(_rpc).GetTransactionReceiptAsync(hash, cancellationToken);

    /// <summary>Stops the actors (children first) and closes the store and the client.</summary>
    public async ValueTask DisposeAsync()
    {
        // Leave first, so the other members take over this node's turns at once rather than after the suspicion timeout.
        try
        {
            await _membership.Ask<LeftCluster>(LeaveCluster.Instance, TimeSpan.FromSeconds(5), CancellationToken.None);
        }
        catch (AskTimeoutException)
        {
            // The store did not answer; the others will suspect this node after the timeout instead.
        }

        await System.Terminate().WaitAsync(TimeSpan.FromSeconds(15));
        foreach (var resource in _resources)
        {
            await resource.DisposeAsync();
        }

        _rpc.Dispose();
    }

    // A journal write that fails stops the submitter (Akka.Persistence's rule); it comes back after a pause and recovers
    // from the journal, re-checking every unfinished action before anything goes out again.
    private static Props SubmitterSupervisor(Props submitter) => BackoffSupervisor.Props(
        Backoff.OnStop(submitter, "account", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, -1).WithDefaultStoppingStrategy());

    // The claim and membership tables live in the same SQLite file or PostgreSQL database as the journal and snapshots.
    private static async Task<(IClaimStore Claims, IMembershipStore Members)> OpenStoreAsync(
        SqlStoreLocation store, TimeProvider timeProvider, ILoggerFactory loggerFactory, List<IAsyncDisposable> resources, CancellationToken cancellationToken)
    {
        if (store.Kind == SqlStoreKind.Postgres)
        {
            var pg = await PostgresClaimDatabase.OpenAsync(new PostgresClaimDatabaseOptions(store), timeProvider, loggerFactory.CreateLogger<PostgresClaimDatabase>(), cancellationToken);
            resources.Add(pg);
            return (new SqlClaimStore(pg), new SqlMembershipStore(pg));
        }

        var sqlite = await SqliteClaimDatabase.OpenAsync(new SqliteClaimDatabaseOptions(store), timeProvider, loggerFactory.CreateLogger<SqliteClaimDatabase>(), cancellationToken);
        resources.Add(sqlite);
        return (new SqlClaimStore(sqlite), new SqlMembershipStore(sqlite));
    }

    private static async Task<BeaconSource?> BeaconAsync(BeaconSettings beacon, TimeProvider timeProvider, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        if (beacon.Endpoints.Count == 0)
        {
            return null;
        }

        var client = new BeaconClient(new BeaconClientOptions { Endpoints = beacon.Endpoints }, null, timeProvider, loggerFactory.CreateLogger<BeaconClient>());
        var genesis = await client.GetGenesisAsync(cancellationToken);
        var spec = await client.GetSpecAsync(cancellationToken);
        return new BeaconSource(client, BeaconTime.From(genesis, spec), beacon.CheckInterval);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Keeper node {Node} started: signing as {Address} on chain {ChainId}, RocketStorage {Storage}")]
    private static partial void LogStarted(ILogger logger, string node, string address, ulong chainId, string storage);
}
