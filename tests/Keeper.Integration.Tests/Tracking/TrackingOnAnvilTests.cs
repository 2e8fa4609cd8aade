using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Tracking;
using Keeper.Chain.Beacon;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Proving;
using Keeper.Chain.Watching;
using Keeper.Host.Devnet;
using Keeper.Testing.Beacon;
using Keeper.Testing.Tracking;
using Xunit;
using Xunit.Abstractions;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Integration.Tests.Tracking;

/// <summary>
/// The tracking actors on a real chain: the deadlines they compute must match what the harness contracts accept, to the
/// second. The actor system runs on the TestScheduler (virtual time paces the watcher's polls and the exit watcher's
/// checks, and only the test advances it); chain time is anvil's. Every wait is for a reply that proves a step happened.
/// </summary>
public sealed class TrackingOnAnvilTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private const ulong SlotSeconds = 12;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ExitCheckInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private static readonly Config VirtualTime =
        ConfigurationFactory.ParseString("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"\nakka.test.single-expect-default = 20s");

    private AnvilNode? _node;
    private DevChainClient? _chain;
    private RocketPoolHarness? _harness;
    private FakeBeaconNode? _beacon;
    private BeaconClient? _beaconClient;
    private IActorRef _watcher = ActorRefs.Nobody;
    private IActorRef _registry = ActorRefs.Nobody;
    private IActorRef _scheduler = ActorRefs.Nobody;
    private TestProbe? _duties;

    public TrackingOnAnvilTests(ITestOutputHelper output)
        : base(VirtualTime, output: output)
    {
    }

    private DevChainClient Chain => _chain!;

    private RocketPoolHarness Harness => _harness!;

    private TestProbe Duties => _duties!;

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    public async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync();
        _chain = new DevChainClient(_node);
        _harness = await RocketPoolHarness.DeployAsync(_chain, _chain.Keys[0]);
        _beacon = await FakeBeaconNode.StartAsync();
        _beaconClient = new BeaconClient(new BeaconClientOptions { Endpoints = [_beacon.Url] });
    }

    public async Task DisposeAsync()
    {
        // The actors first: none may be polling anvil or the beacon node when they go away.
        await Sys.Terminate();
        _beaconClient?.Dispose();
        if (_beacon is not null)
        {
            await _beacon.DisposeAsync();
        }

        _chain?.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    [Fact]
    public async Task Deadlines_MatchTheContracts_DissolveRevertsTheSecondBeforeAndSucceedsAtTheComputedTime()
    {
        var megapool = await Harness.CreateMegapoolAsync(Chain.Keys[1].Address);
        var id = await Harness.NewValidatorAsync(megapool);
        await Harness.AssignAsync(megapool, id);
        var minipool = await Harness.CreateMinipoolAsync(Chain.Keys[2].Address);
        await Harness.PrelaunchMinipoolAsync(minipool);
        await StartTrackingAsync(megapool, minipool);

        var held = await _scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, Guard);
        var dissolveValidator = Assert.Single(held.Duties, d => d.Duty.Kind == DutyKind.DissolveMegapoolValidator).Duty;
        var dissolveMinipool = Assert.Single(held.Duties, d => d.Duty.Kind == DutyKind.DissolveMinipool).Duty;

        // Chain time reaches the block before the first valid one: nothing is due yet.
        var before = await MineAtAsync(dissolveMinipool.DueAt - SlotSeconds - 1);
        await PollAsync(before);
        await ExpectNoNoticeThroughAsync(before);
        var first = await MineAtAsync(dissolveMinipool.DueAt - SlotSeconds);
        await PollAsync(first);
        var due = await Duties.ExpectMsgAsync<DutyDue>(Guard);
        Assert.Equal(dissolveMinipool.Key, due.Duty.Key);
        Assert.Equal(dissolveMinipool.DueAt, due.NextBlockTime);

        Assert.False((await SendAtAsync(dissolveMinipool.DueAt - 1, Minipool.Dissolve(minipool))).Succeeded);
        Assert.True((await SendAtAsync(dissolveMinipool.DueAt, Minipool.Dissolve(minipool))).Succeeded);
        Assert.False((await SendAtAsync(dissolveValidator.DueAt - 1, Megapool.DissolveValidator(megapool, id))).Succeeded);
        Assert.True((await SendAtAsync(dissolveValidator.DueAt, Megapool.DissolveValidator(megapool, id))).Succeeded);

        // The watcher sees both pools dissolved and the duties are withdrawn.
        await PollAsync(await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None));
        await TrackersIdleAsync(megapool, minipool);
        var remaining = await _scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, Guard);
        Assert.Empty(remaining.Duties);
    }

    [Fact]
    public async Task ExitReportWindow_DrivenByTheBeaconNode_ClosesAtWithdrawableEpochMinusThresholdAndIsLateAfter()
    {
        var megapool = await Harness.CreateMegapoolAsync(Chain.Keys[1].Address);
        var id = await Harness.NewValidatorAsync(megapool);
        await Harness.AssignAsync(megapool, id);
        await Harness.StakeAsync(megapool, id);
        var manager = new MegapoolManager(Chain.Eth, new BatchCaller(Chain.Eth), Harness.Deployment.MegapoolManager);
        var pubkey = new ValidatorPubkey((await manager.GetValidatorsAsync(0, 1, BlockTag.Latest, CancellationToken.None))[0].Pubkey);
        _beacon!.SetValidator(pubkey, 1234, "active_ongoing");
        await StartTrackingAsync(megapool);
        await ExitChecksAsync(2, megapool);
        Assert.Empty((await _scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, Guard)).Duties);
        Assert.Equal(2, ValidatorRequests());

        _beacon.SetValidator(pubkey, 1234, "active_exiting", exitEpoch: 400_000, withdrawableEpoch: 400_256);
        await ExitChecksAsync(2, megapool);

        var duty = Assert.Single((await _scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, Guard)).Duties).Duty;
        Assert.Equal(DutyKind.NotifyExit, duty.Kind);
        Assert.Equal(TaskKeys.NotifyExit(megapool, id), duty.Key);
        Assert.Equal(FakeBeaconNode.MainnetGenesisTime + ((400_256UL - 112) * 32 * 12), duty.Deadline);
        // Anyone but the operator reports it once it is late: from the epoch after the deadline's.
        Assert.Equal(FakeBeaconNode.MainnetGenesisTime + ((400_256UL - 112 + 1) * 32 * 12), duty.DueAt);
        // The proof must be of a slot of that late epoch: the contract judges lateness by the proof's slot.
        Assert.Equal(new ProofCallRequest(ProofCallKind.NotifyExit, megapool, id, 1234, NotBeforeSlot: (400_256UL - 112 + 1) * 32), duty.Proof);
        Assert.Equal(4, ValidatorRequests());
    }

    /// <summary>Starts the tracking actors and returns once the watcher's cold start has reached the scheduler as duties.</summary>
    private async Task StartTrackingAsync(Address megapool, Address? minipool = null)
    {
        var genesis = await _beaconClient!.GetGenesisAsync(CancellationToken.None);
        var spec = await _beaconClient.GetSpecAsync(CancellationToken.None);
        _scheduler = Sys.ActorOf(DeadlineScheduler.Props(SlotSeconds), "scheduler");
        _duties = CreateTestProbe("gate");
        _duties.IgnoreMessages<ChainTimeAdvanced>();
        _scheduler.Tell(new SubscribeDuties(_duties.Ref));
        var beacon = new BeaconSource(_beaconClient, BeaconTime.From(genesis, spec), ExitCheckInterval);
        _registry = Sys.ActorOf(PoolRegistry.Props(new TrackerOptions(_scheduler, null, null, null), beacon), "registry");
        var batch = new BatchCaller(Chain.Eth, new BatchCallerOptions { Multicall3 = Harness.Multicall3 });
        _watcher = Sys.ActorOf(ChainWatcherActor.Props(() => new ChainWatcher(Chain.Eth, batch, Harness.Deployment), _registry, new ChainWatcherActorOptions(PollInterval)), "watcher");

        // The watcher cold-starts from a message it sends itself on start: the first ask proves that message is queued,
        // the second is answered once the cold start is done and its events are in the registry's mailbox.
        await _watcher.Ask<WatcherHead>(GetWatcherHead.Instance, Guard);
        var head = await _watcher.Ask<WatcherHead>(GetWatcherHead.Instance, Guard);
        Assert.NotNull(head.Head);
        await TrackersIdleAsync(megapool, minipool);
        // The beacon watcher has started its periodic timer, from now.
        await TrackingBarriers.IdleAsync(Sys, _registry.Path / "beacon-watcher", Guard);
    }

    /// <summary>Fires the watcher's poll timer and returns once the poll has reported <paramref name="head"/>.</summary>
    private async Task PollAsync(BlockHeader head)
    {
        Clock.Advance(PollInterval);
        var polled = await _watcher.Ask<WatcherHead>(GetWatcherHead.Instance, Guard);
        Assert.Equal(head.Number, polled.Head?.Number);
    }

    /// <summary>Fires the beacon watcher's periodic check <paramref name="checks"/> times, each time until its news has reached the scheduler.</summary>
    private async Task ExitChecksAsync(int checks, Address megapool)
    {
        for (var i = 0; i < checks; i++)
        {
            Clock.Advance(ExitCheckInterval);
            await _watcher.Ask<WatcherHead>(GetWatcherHead.Instance, Guard);
            await TrackingBarriers.IdleAsync(Sys, _registry.Path / "beacon-watcher", Guard);
            await TrackersIdleAsync(megapool);
        }
    }

    /// <summary>Waits until the trackers have handled everything routed to them, so their duties are queued at the scheduler.</summary>
    private async Task TrackersIdleAsync(Address megapool, Address? minipool = null)
    {
        await TrackingBarriers.TrackerIdleAsync(Sys, _registry, megapool, Guard);
        if (minipool is { } m)
        {
            await TrackingBarriers.TrackerIdleAsync(Sys, _registry, m, Guard);
        }
    }

    /// <summary>
    /// Proves that no duty notice was published up to and including <paramref name="head"/>: once the registry has passed
    /// the head on, a snapshot asked with the probe as sender reaches the probe behind every notice the head caused.
    /// </summary>
    private async Task ExpectNoNoticeThroughAsync(BlockHeader head)
    {
        await _registry.Ask<RegistryStats>(GetRegistryStats.Instance, Guard);
        _scheduler.Tell(GetDuties.Instance, Duties.Ref);
        var next = await Duties.ReceiveOneAsync(Guard);
        if (next is not DutiesSnapshot snapshot)
        {
            throw new Xunit.Sdk.XunitException($"Expected no duty notice through block {head.Number} (time {head.Timestamp}), but the probe received {next?.ToString() ?? "nothing"}.");
        }

        Assert.Equal(head.Timestamp + SlotSeconds, snapshot.ChainTime);
    }

    private int ValidatorRequests() => _beacon!.Requests.Count(r => r.PathAndQuery.Contains("/validators", StringComparison.Ordinal));

    private async Task<BlockHeader> MineAtAsync(ulong timestamp)
    {
        await Chain.SetNextBlockTimestampAsync(timestamp);
        await Chain.MineAsync();
        var mined = await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        Assert.Equal(timestamp, mined.Timestamp);
        return mined;
    }

    private async Task<TransactionReceipt> SendAtAsync(ulong timestamp, ContractCall call)
    {
        await Chain.SetNextBlockTimestampAsync(timestamp);
        return await Chain.SendAsync(Chain.Keys[3], call.To, call.Data, gas: 300_000);
    }
}
