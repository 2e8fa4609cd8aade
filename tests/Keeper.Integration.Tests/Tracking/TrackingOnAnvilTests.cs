using Keeper.Actors.Runtime;
using Keeper.Actors.Scheduling;
using Keeper.Actors.TestKit;
using Keeper.Actors.Tracking;
using Keeper.Chain.Beacon;
using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Watching;
using Keeper.Host.Devnet;
using Keeper.Testing.Beacon;
using Xunit;

namespace Keeper.Integration.Tests.Tracking;

/// <summary>
/// The tracking actors on a real chain: the deadlines they compute must match what the harness contracts accept, to the
/// second. The actor system runs on the TestKit's manual clock (it paces polls); chain time is anvil's.
/// </summary>
public sealed class TrackingOnAnvilTests : ActorTestKit
{
    private const ulong SlotSeconds = 12;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private AnvilNode? _node;
    private DevChainClient? _chain;
    private RocketPoolHarness? _harness;
    private FakeBeaconNode? _beacon;
    private BeaconClient? _beaconClient;

    private DevChainClient Chain => _chain!;

    private RocketPoolHarness Harness => _harness!;

    public override async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync();
        _chain = new DevChainClient(_node);
        _harness = await RocketPoolHarness.DeployAsync(_chain, _chain.Keys[0]);
        _beacon = await FakeBeaconNode.StartAsync();
        _beaconClient = new BeaconClient(new BeaconClientOptions { Endpoints = [_beacon.Url] });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
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
        var (scheduler, duties) = await StartTrackingAsync();

        var held = await scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, DefaultTimeout, CancellationToken.None);
        var dissolveValidator = Assert.Single(held.Duties, d => d.Duty.Kind == DutyKind.DissolveMegapoolValidator).Duty;
        var dissolveMinipool = Assert.Single(held.Duties, d => d.Duty.Kind == DutyKind.DissolveMinipool).Duty;

        // Chain time reaches the block before the first valid one: nothing is due yet.
        await MineAtAsync(dissolveMinipool.DueAt - SlotSeconds - 1);
        await AdvanceAsync(PollInterval);
        await duties.ExpectNoMsgAsync();
        await MineAtAsync(dissolveMinipool.DueAt - SlotSeconds);
        await AdvanceAsync(PollInterval);
        Assert.Equal(dissolveMinipool.Key, (await duties.ExpectMsgAsync<DutyDue>()).Duty.Key);

        Assert.False((await SendAtAsync(dissolveMinipool.DueAt - 1, Minipool.Dissolve(minipool))).Succeeded);
        Assert.True((await SendAtAsync(dissolveMinipool.DueAt, Minipool.Dissolve(minipool))).Succeeded);
        Assert.False((await SendAtAsync(dissolveValidator.DueAt - 1, Megapool.DissolveValidator(megapool, id))).Succeeded);
        Assert.True((await SendAtAsync(dissolveValidator.DueAt, Megapool.DissolveValidator(megapool, id))).Succeeded);

        // The watcher sees both pools dissolved and the duties are withdrawn.
        await AdvanceAsync(PollInterval);
        var remaining = await scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, DefaultTimeout, CancellationToken.None);
        Assert.Empty(remaining.Duties);
    }

    [Fact]
    public async Task ExitReportWindow_DrivenByTheBeaconNode_ClosesAtWithdrawableEpochMinusThreshold()
    {
        var megapool = await Harness.CreateMegapoolAsync(Chain.Keys[1].Address);
        var id = await Harness.NewValidatorAsync(megapool);
        await Harness.AssignAsync(megapool, id);
        await Harness.StakeAsync(megapool, id);
        var manager = new MegapoolManager(Chain.Eth, new BatchCaller(Chain.Eth), Harness.Deployment.MegapoolManager);
        var pubkey = new ValidatorPubkey((await manager.GetValidatorsAsync(0, 1, BlockTag.Latest, CancellationToken.None))[0].Pubkey);
        _beacon!.SetValidator(pubkey, 1234, "active_ongoing");
        var (scheduler, _) = await StartTrackingAsync();
        await AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Empty((await scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, DefaultTimeout, CancellationToken.None)).Duties);

        _beacon.SetValidator(pubkey, 1234, "active_exiting", exitEpoch: 400_000, withdrawableEpoch: 400_256);
        await AdvanceAsync(TimeSpan.FromMinutes(1));

        var duty = Assert.Single((await scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, DefaultTimeout, CancellationToken.None)).Duties).Duty;
        Assert.Equal(DutyKind.NotifyExit, duty.Kind);
        Assert.Equal(TaskKeys.NotifyExit(megapool, id), duty.Key);
        Assert.Equal(FakeBeaconNode.MainnetGenesisTime + ((400_256UL - 112) * 32 * 12), duty.Deadline);
    }

    private async Task<(IActorRef Scheduler, TestProbe Duties)> StartTrackingAsync()
    {
        var genesis = await _beaconClient!.GetGenesisAsync(CancellationToken.None);
        var spec = await _beaconClient.GetSpecAsync(CancellationToken.None);
        var scheduler = Sys.ActorOf(DeadlineScheduler.Props(SlotSeconds), "scheduler");
        var duties = CreateTestProbe("gate");
        scheduler.Tell(new SubscribeDuties(Sys.ActorOf(Props.Create(() => new Keeper.Testing.Tracking.DutyNoticesOnly(duties.Ref)), "duty-notices")));
        var beacon = new BeaconSource(_beaconClient, BeaconTime.From(genesis, spec), TimeSpan.FromSeconds(30));
        var registry = Sys.ActorOf(PoolRegistry.Props(new TrackerOptions(scheduler, null, null, null), beacon), "registry");
        var batch = new BatchCaller(Chain.Eth, new BatchCallerOptions { Multicall3 = Harness.Multicall3 });
        Sys.ActorOf(ChainWatcherActor.Props(() => new ChainWatcher(Chain.Eth, batch, Harness.Deployment), registry, null, new ChainWatcherActorOptions(PollInterval)), "watcher");
        await QuiesceAsync();
        return (scheduler, duties);
    }

    private async Task MineAtAsync(ulong timestamp)
    {
        await Chain.SetNextBlockTimestampAsync(timestamp);
        await Chain.MineAsync();
    }

    private async Task<TransactionReceipt> SendAtAsync(ulong timestamp, ContractCall call)
    {
        await Chain.SetNextBlockTimestampAsync(timestamp);
        return await Chain.SendAsync(Chain.Keys[3], call.To, call.Data, gas: 300_000);
    }
}
