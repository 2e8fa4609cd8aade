using Akka.Actor;
using Akka.Hosting;
using Akka.Pattern;
using Keeper.Actors.Gate;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Cluster;
using Keeper.Actors.Persistence;
using Keeper.Actors.Persistence.Postgres;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Beacon;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Fees;
using Keeper.Chain.Logs;
using Keeper.Chain.Proving;
using Keeper.Chain.Rpc;
using Keeper.Chain.Signing;
using Keeper.Chain.Watching;
using Keeper.Host.GoGoPool;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Host.Node;

/// <summary>
/// One keeper node: <see cref="PrepareAsync"/> checks the chain and the store before any actor starts, so a
/// misconfiguration fails at once with a clear error; <see cref="StartActors"/> creates the deadline scheduler, pool
/// registry, submitter, submission gate, cluster membership and chain watcher in the host's actor system (Akka.Hosting)
/// and registers them (the submitter proper starts only once the node is Up and the only member signing with its key); an instance reports on them (status file, HTTP API) from its <see cref="NodeStateBoard"/>, never by asking an actor.
/// </summary>
/// <param name="settings">The settings the node runs with.</param>
/// <param name="key">The signing key.</param>
/// <param name="system">The host's actor system.</param>
/// <param name="rpc">The node's JSON-RPC client (its counters go into the status).</param>
/// <param name="board">The parts' latest answers (<see cref="NodeStatePublisher"/> keeps it fresh).</param>
public sealed partial class KeeperNode(KeeperSettings settings, PrivateKey key, ActorSystem system, FailoverClient rpc, NodeStateBoard board)
{
    /// <summary>The settings the node runs with.</summary>
    public KeeperSettings Settings { get; } = settings;

    /// <summary>The node's signing address.</summary>
    public Address Address { get; } = key.Address;

    /// <summary>The node's id in logs and the cluster.</summary>
    public string NodeId => IdOf(Settings, Address);

    /// <summary>The actor system.</summary>
    public ActorSystem System { get; } = system;

    /// <summary>
    /// Everything that must hold before the actor system starts, once the chain answered with <paramref name="chainId"/>: RocketStorage resolves, the
    /// store is prepared and bound to this chain (a store of another chain is refused), the claim store opens, and the beacon node (if any) answers. What it opens is added to <paramref name="resources"/>.
    /// </summary>
    internal static async Task<PreparedNode> PrepareAsync(
        KeeperSettings settings, PrivateKey key, ulong chainId, EthApi eth, BatchCaller batch, BeaconClient? beaconClient, TimeProvider timeProvider, ILoggerFactory loggerFactory,
        List<IAsyncDisposable> resources, CancellationToken cancellationToken)
    {
        var deployment = await new RocketStorage(eth, settings.RocketStorage).ResolveAsync(batch, BlockTag.Latest, cancellationToken);
        // The store belongs to one chain: a store of another chain (a reused devnet folder, a wrong path) is refused here,
        // before anything could resume its transactions.
        var genesis = await eth.GetBlockAsync(BlockTag.Earliest, cancellationToken);
        var location = settings.Store.Location;
        if (settings.Store.Kind == StoreKind.Sqlite)
        {
            await SqlPersistenceConfig.PrepareSqliteAsync(settings.Store.Path, cancellationToken);
        }

        await StoreBinding.EnsureAsync(location, new StoreBinding(chainId, genesis.Hash, settings.RocketStorage), cancellationToken);
        var (claims, probe, legacy) = await OpenStoreAsync(location, timeProvider, loggerFactory, resources, cancellationToken);
        var snapshots = new SnapshotScope(key.Address);
        var beacon = await BeaconAsync(beaconClient, settings.Beacon, loggerFactory, resources, cancellationToken);
        var own = await OwnMegapoolsAsync(settings.Own, key.Address, new MegapoolFactory(eth, deployment.MegapoolFactory), cancellationToken);
        return new PreparedNode(chainId, deployment, snapshots, claims, probe, beacon, legacy)
        {
            OwnMegapools = settings.Own.Enabled ? own.Keys.ToHashSet() : new HashSet<Address>(),
            OwnOperators = own,
        };
    }

    // One read per own node address, at start: a node operator's megapool address never changes (CREATE2 from the node
    // address), and it is known before the megapool is deployed, so an operator who creates it later is still covered.
    // With own mode off the signing account's megapool is still looked up: its operator is listed first among the accounts.
    private static async Task<IReadOnlyDictionary<Address, Address>> OwnMegapoolsAsync(OwnSettings own, Address signer, MegapoolFactory factory, CancellationToken cancellationToken)
    {
        var megapools = new Dictionary<Address, Address>();
        foreach (var node in !own.Enabled || own.NodeAddresses.Count == 0 ? [signer] : own.NodeAddresses)
        {
            megapools[await factory.GetExpectedAddressAsync(node, BlockTag.Latest, cancellationToken)] = node;
        }

        return megapools;
    }

    /// <summary>
    /// Creates the node's actors in <paramref name="system"/>, in dependency order, and registers each in
    /// <paramref name="actors"/> under its marker type. A node without seed nodes joins itself (a cluster of one); Akka's
    /// coordinated shutdown makes the node leave the cluster gracefully (its cluster-leave phase), so the other members
    /// take its turns at once.
    /// </summary>
    internal static void StartActors(ActorSystem system, IActorRegistry actors, IServiceProvider services, Action<string>? faultPoint)
    {
        var settings = services.GetRequiredService<KeeperSettings>();
        var key = services.GetRequiredService<PrivateKey>();
        var prepared = services.GetRequiredService<PreparedNode>();
        var (chainId, deployment, snapshots, claims, probe, beacon, legacy) = prepared;
        var eth = services.GetRequiredService<EthApi>();
        var batch = services.GetRequiredService<BatchCaller>();
        var fees = services.GetRequiredService<FeeOracle>();
        var timeProvider = services.GetRequiredService<TimeProvider>();
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();

        var scheduler = system.ActorOf(DeadlineScheduler.Props((ulong)settings.Chain.Slot.TotalSeconds), "scheduler");
        // Own mode: the watch warns before the own validators' deadlines; the trackers mark the own megapools' duties.
        var ownWatch = system.ActorOf(OwnDeadlineWatch.Props(scheduler, new OwnWarningOptions(settings.Own.WarnBeforeDissolve, settings.Own.WarnBeforeNotify)), "own-deadlines");
        var own = prepared.OwnMegapools.Count == 0 ? null : new OwnPools(prepared.OwnMegapools, ownWatch);
        var accounts = system.ActorOf(OperatorAccounts.Props(
            new OperatorAccountsOptions(deployment.DepositPool, prepared.OwnOperators, settings.Tracking.AccountsRefreshBlocks), new ChainOperatorAccountReader(batch)), "operator-accounts");
        var registry = system.ActorOf(PoolRegistry.Props(new TrackerOptions(scheduler, snapshots, settings.Tracking.PassivateAfter, null, Own: own, Accounts: accounts), beacon), "registry");
        // The pools the watcher reports (or a restart restores) and the manager it resolves: the only contracts signed for.
        var allowList = new AllowList(deployment.MegapoolManager);
        var feed = system.ActorOf(AllowListFeed.Props(allowList, registry), "allow-list-feed");
        var submitterOptions = new SubmitterOptions(chainId)
        {
            MinProfitWei = settings.Profit.MinProfitWei,
            ActWithoutReward = settings.Profit.ActWithoutReward,
            Confirmations = settings.Chain.Confirmations,
            BumpAfterBlocks = settings.Fees.BumpAfterBlocks,
            FaultPoint = faultPoint,
            Slot = settings.Chain.Slot,
        };
        var memberId = MemberIdOf(settings, key.Address);
        // One simulator for the gate's turns and the submitter's re-sends: both ask the same node the same question.
        var simulator = new EthCallSimulator(eth);
        var guard = new ClaimResendGuard(settings.Gate.Enabled ? claims : null, memberId, simulator, timeProvider);
        // Created once the cluster membership finds this node Up and the only member signing with its key.
        var submitter = system.ActorOf(DeferredSubmitter.Props(
            SubmitterSupervisor(Submitter.Props(submitterOptions, new SubmitterDependencies(key, eth, fees, allowList) { ResendGuard = guard, LegacyJournal = legacy })), key.Address), "submitter");
        // The balance at start and at heads: warnings for the operator, and the submitter refuses what it cannot pay.
        var balance = system.ActorOf(SignerBalanceWatch.Props(
            // While funded, one request every few blocks keeps a node's steady state within its few requests per block.
            new SignerBalanceWatchOptions(key.Address, settings.Signer.BalanceFloorWei, scheduler, submitter) { OkEveryBlocks = 8 },
            (block, ct) => eth.GetBalanceAsync(key.Address, block is { } number ? BlockTag.At(number) : BlockTag.Latest, ct)), "signer-balance");
        var gate = system.ActorOf(SubmissionGate.Props(new SubmissionGateOptions(
            key.Address, memberId, (ulong)settings.Gate.Window.TotalSeconds, claims, simulator, submitter, settings.Gate.Enabled, WaitForMembership: true,
            Proofs: beacon?.Proofs, AllowList: allowList)), "gate");
        var goGoPool = prepared.GoGoPool is { } goGoPoolPrepared
            ? GoGoPoolActors.Start(
                system, settings, services.GetRequiredService<GoGoPoolChain>(), goGoPoolPrepared, key.Address, memberId, claims, timeProvider, loggerFactory,
                SubmitterSupervisor)
            : null;
        var membership = system.ActorOf(ClusterMembership.Props(
            new ClusterMembershipOptions(gate, submitter, probe, settings.Gate.StoreProbeInterval, ProbeTimeout(settings.Gate.StoreProbeInterval))
            {
                OtherChains = goGoPool is null ? [] : [(goGoPool.Gate, goGoPool.Submitter)],
            }), "cluster-membership");
        scheduler.Tell(new SubscribeDuties(gate));
        var watcherOptions = new ChainWatcherOptions
        {
            SettingsRefreshBlocks = (ulong)Math.Ceiling(settings.SettingsRefresh / settings.Chain.Slot),
            Follower = new ChainFollowerOptions { HistoryDepth = settings.Chain.HistoryDepth },
            Logs = new LogFetcherOptions { MaxBlocksPerRequest = settings.Chain.LogRange },
        };
        var watcher = system.ActorOf(ChainWatcherActor.Props(
            () => new ChainWatcher(eth, batch, deployment, watcherOptions, loggerFactory), feed,
            new ChainWatcherActorOptions(settings.Chain.PollInterval, settings.Tracking.CheckpointEveryBlocks, settings.Chain.Slot, snapshots)), "watcher");

        actors.Register<SchedulerMarker>(scheduler);
        actors.Register<PoolRegistryMarker>(registry);
        actors.Register<SubmitterMarker>(submitter);
        actors.Register<GateMarker>(gate);
        actors.Register<ClusterMembershipMarker>(membership);
        actors.Register<WatcherMarker>(watcher);
        actors.Register<OwnDeadlinesMarker>(ownWatch);
        var parts = new Dictionary<NodePart, IActorRef>
        {
            [NodePart.Watcher] = watcher,
            [NodePart.Registry] = registry,
            [NodePart.Scheduler] = scheduler,
            [NodePart.Gate] = gate,
            [NodePart.Submitter] = submitter,
            [NodePart.Cluster] = membership,
            [NodePart.Own] = ownWatch,
            [NodePart.Balance] = balance,
            [NodePart.Operators] = accounts,
        };
        foreach (var (part, actor) in goGoPool?.Parts ?? new Dictionary<NodePart, IActorRef>())
        {
            parts[part] = actor;
        }

        system.ActorOf(NodeStatePublisher.Props(services.GetRequiredService<NodeStateBoard>(), parts), "state-publisher");
        actors.Register<SignerBalanceMarker>(balance);
        actors.Register<OperatorAccountsMarker>(accounts);
        if (settings.Cluster.SeedNodes.Count == 0)
        {
            var cluster = Akka.Cluster.Cluster.Get(system);
            cluster.Join(cluster.SelfAddress);
        }

        LogStarted(loggerFactory.CreateLogger<KeeperNode>(), IdOf(settings, key.Address), key.Address.ToString(), chainId, deployment.Storage.ToString());
    }

    /// <summary>The node's state from the <see cref="NodeStateBoard"/>: never waits on an actor or the chain.</summary>
    public NodeStatus GetStatus()
    {
        var head = Board.Watcher.Head;
        var registry = Board.Registry;
        var duties = Board.Duties;
        var gate = Board.Gate;
        var submitter = Board.Submitter;
        return new NodeStatus(
            NodeId, Address.ToString(), head is not null, head?.Number ?? 0, head?.Timestamp ?? 0,
            registry.Megapools, registry.Minipools, registry.LiveTrackers,
            duties.Duties.Count, duties.Duties.Count(d => d.Due),
            gate.Members.Select(m => m.ToString()).ToArray(), gate.StoreReachable, gate.TurnsHeld, gate.Claimed, gate.Succeeded,
            submitter.Transactions.Count(t => t.State is TransactionState.Created or TransactionState.Pending),
            submitter.Transactions.Count,
            rpc.RequestCount, rpc.ErrorCount)
        {
            Cluster = Board.Cluster.Members.Select(m => $"{m.NodeId} {m.Display}").ToArray(),
        };
    }

    /// <summary>The latest answer of each of the node's actors, refreshed every second by <see cref="NodeStatePublisher"/>.</summary>
    public NodeStateBoard Board { get; } = board;

    /// <summary>Each RPC endpoint's health, from the client's own attempts (sends nothing).</summary>
    public IReadOnlyList<RpcEndpointStatus> RpcEndpoints() => rpc.EndpointStatus();

    /// <summary>The id this node's claims are recorded under, also carried in its cluster roles: keeper.node.id, else the signing address.</summary>
    public static string MemberIdOf(KeeperSettings settings, Address address) =>
        string.IsNullOrEmpty(settings.NodeId) ? address.ToLowerHex() : settings.NodeId;

    // A store that takes longer than a probe interval to answer a trivial query cannot fence a claim in time either.
    private static TimeSpan ProbeTimeout(TimeSpan interval) => interval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : interval;

    private static string IdOf(KeeperSettings settings, Address address) =>
        string.IsNullOrEmpty(settings.NodeId) ? $"keeper-{address.ToLowerHex()[2..10]}" : settings.NodeId;

    // A journal write that fails stops the submitter (Akka.Persistence's rule); it comes back after a pause and recovers
    // from the journal, re-checking every unfinished action before anything goes out again.
    private static Props SubmitterSupervisor(Props submitter) => BackoffSupervisor.Props(
        Backoff.OnStop(submitter, "account", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, -1).WithDefaultStoppingStrategy());

    // The claim table lives in the same SQLite file or PostgreSQL database as the journal and snapshots (and, in stores
    // written before Akka.Persistence, the old journal).
    private static async Task<(IClaimStore Claims, IStoreProbe Probe, ILegacyJournal Legacy)> OpenStoreAsync(
        SqlStoreLocation store, TimeProvider timeProvider, ILoggerFactory loggerFactory, List<IAsyncDisposable> resources, CancellationToken cancellationToken)
    {
        if (store.Kind == SqlStoreKind.Postgres)
        {
            var pg = await PostgresClaimDatabase.OpenAsync(new PostgresClaimDatabaseOptions(store), timeProvider, loggerFactory.CreateLogger<PostgresClaimDatabase>(), cancellationToken);
            resources.Add(pg);
            return (new SqlClaimStore(pg), new SqlStoreProbe(pg), new SqlLegacyJournal(pg));
        }

        var sqlite = await SqliteClaimDatabase.OpenAsync(new SqliteClaimDatabaseOptions(store), timeProvider, loggerFactory.CreateLogger<SqliteClaimDatabase>(), cancellationToken);
        resources.Add(sqlite);
        return (new SqlClaimStore(sqlite), new SqlStoreProbe(sqlite), new SqlLegacyJournal(sqlite));
    }

    private static async Task<BeaconSource?> BeaconAsync(
        BeaconClient? client, BeaconSettings beacon, ILoggerFactory loggerFactory, List<IAsyncDisposable> resources, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return null;
        }

        var genesis = await client.GetGenesisAsync(cancellationToken);
        var spec = await client.GetSpecAsync(cancellationToken);
        // One builder per node: it keeps the newest proven slot's tree and the withdrawal scan for every proof duty.
        var proofs = new BeaconProofCallBuilder(client, loggerFactory.CreateLogger<BeaconProofCallBuilder>());
        resources.Add(proofs);
        return new BeaconSource(client, BeaconTime.From(genesis, spec), beacon.CheckInterval, proofs);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Keeper node {Node} started: signing as {Address} on chain {ChainId}, RocketStorage {Storage}")]
    private static partial void LogStarted(ILogger logger, string node, string address, ulong chainId, string storage);
}
