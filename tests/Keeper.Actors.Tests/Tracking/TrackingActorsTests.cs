using Keeper.Actors.Runtime;
using Keeper.Actors.Scheduling;
using Keeper.Actors.TestKit;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;
using Keeper.Testing.Tracking;
using Xunit;
using static Keeper.Actors.Tests.Tracking.TrackingFixtures;

namespace Keeper.Actors.Tests.Tracking;

public sealed class TrackingActorsTests : ActorTestKit
{
    private static readonly TimeSpan Slot = TimeSpan.FromSeconds(12);

    private ulong Now => (ulong)Clock.GetUtcNow().ToUnixTimeSeconds();

    private static BlockRef At(ulong time) => new(1, Hash32.Zero, time);

    private static SettingsRead SettingsEvent(ulong timeBeforeDissolve = 28 * Day) =>
        new(At(0), new MegapoolSettingsValues(timeBeforeDissolve, 112, 0, 0, 0), 72 * 60 * 60);

    private (IActorRef Registry, IActorRef Scheduler, TestProbe Duties) Start(InMemorySnapshotStore? store = null, TimeSpan? passivateAfter = null)
    {
        var scheduler = Sys.ActorOf(DeadlineScheduler.Props((ulong)Slot.TotalSeconds), "scheduler");
        var duties = CreateTestProbe("gate");
        scheduler.Tell(new SubscribeDuties(Sys.ActorOf(Props.Create(() => new DutyNoticesOnly(duties.Ref)), "duty-notices")));
        var registry = Sys.ActorOf(PoolRegistry.Props(new TrackerOptions(scheduler, store, passivateAfter, null), new BeaconSource(null, Beacon, TimeSpan.FromMinutes(6))), "registry");
        return (registry, scheduler, duties);
    }

    [Fact]
    public async Task TwentyEightDays_EachDutyFiresOnceAtTheFirstValidBlockNeverEarly()
    {
        var (registry, _, duties) = Start();
        var assignedAt = (uint)Now;
        registry.Tell(SettingsEvent());
        registry.Tell(new MegapoolValidatorRead(At(Now), MegapoolAddress, 0, new byte[48], Prestaked(assignedAt)));
        registry.Tell(new MinipoolRead(At(Now), MinipoolIn(MinipoolStatus.Prelaunch, Now + 1000)));
        var minipoolDue = Now + 1000 + (72 * 60 * 60);
        var megapoolDue = assignedAt + (28 * Day) + 1;
        Sys.ActorOf(Props.Create(() => new HeadFeeder(registry, Slot)), "chain");

        await AdvanceAsync(TimeSpan.FromSeconds(minipoolDue - Now - 24));
        await duties.ExpectNoMsgAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(24));
        var first = await duties.ExpectMsgAsync<DutyDue>();
        await AdvanceAsync(TimeSpan.FromSeconds(megapoolDue - Now - 24));
        await duties.ExpectNoMsgAsync();
        await AdvanceAsync(TimeSpan.FromDays(2));
        var second = await duties.ExpectMsgAsync<DutyDue>();
        await duties.ExpectNoMsgAsync();

        AssertFirstValidBlock(first, DutyKind.DissolveMinipool, minipoolDue);
        AssertFirstValidBlock(second, DutyKind.DissolveMegapoolValidator, megapoolDue);
    }

    [Fact]
    public async Task StakedAtTheLastMoment_DutyCancelledBeforeItFalls()
    {
        var (registry, _, duties) = Start();
        var assignedAt = (uint)Now;
        registry.Tell(SettingsEvent(14 * Day));
        registry.Tell(new MegapoolValidatorRead(At(Now), MegapoolAddress, 3, null, Prestaked(assignedAt)));
        Sys.ActorOf(Props.Create(() => new HeadFeeder(registry, Slot)), "chain");

        await AdvanceAsync(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        registry.Tell(new MegapoolValidatorRead(At(Now), MegapoolAddress, 3, null, Staked(assignedAt)));
        await AdvanceAsync(TimeSpan.FromDays(1));

        await duties.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task ReorgUndoesAssignmentAfterDue_DutyRetracted()
    {
        var (registry, scheduler, duties) = Start();
        registry.Tell(SettingsEvent());
        registry.Tell(new HeadAdvanced(At(Now)));
        registry.Tell(new MegapoolValidatorRead(At(Now), MegapoolAddress, 1, null, Prestaked((uint)(Now - (29 * Day)))));
        var due = await duties.ExpectMsgAsync<DutyDue>();

        registry.Tell(new MegapoolValidatorRead(At(Now), MegapoolAddress, 1, null, Queued()));

        var cancelled = await duties.ExpectMsgAsync<DutyCancelled>();
        Assert.Equal(due.Duty.Key, cancelled.Key);
        Assert.Empty((await scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, DefaultTimeout, CancellationToken.None)).Duties);
    }

    [Fact]
    public async Task Passivation_IdleTrackerSavedAndStopped_RevivedWithItsStateByTheNextEvent()
    {
        var store = new InMemorySnapshotStore();
        var (registry, scheduler, _) = Start(store, TimeSpan.FromHours(1));
        registry.Tell(SettingsEvent());
        registry.Tell(new MegapoolValidatorRead(At(Now), MegapoolAddress, 0, new byte[48], Staked((uint)Now)));
        await AdvanceAsync(TimeSpan.FromHours(2));

        var idle = await registry.Ask<RegistryStats>(GetRegistryStats.Instance, DefaultTimeout, CancellationToken.None);
        Assert.Equal(0, idle.LiveTrackers);
        Assert.True(store.Has(TrackingSnapshots.PersistenceId(MegapoolAddress)));

        registry.Tell(new RouteBeaconExit(MegapoolAddress, 0, 500_000));
        await QuiesceAsync();

        var snapshot = await scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, DefaultTimeout, CancellationToken.None);
        var duty = Assert.Single(snapshot.Duties).Duty;
        Assert.Equal(DutyKind.NotifyExit, duty.Kind);
        Assert.Equal(Beacon.EpochStartTime(500_000 - 112), duty.Deadline);
        Assert.Equal(1, (await registry.Ask<RegistryStats>(GetRegistryStats.Instance, DefaultTimeout, CancellationToken.None)).LiveTrackers);
    }

    [Fact]
    public async Task Restart_TrackersRestoredFromSnapshots_DutiesScheduledWithoutReadingTheChain()
    {
        var store = new InMemorySnapshotStore();
        var (registry, _, _) = Start(store);
        registry.Tell(SettingsEvent());
        registry.Tell(new MegapoolValidatorRead(At(Now), MegapoolAddress, 2, null, Prestaked((uint)Now)));
        registry.Tell(new MinipoolRead(At(Now), MinipoolIn(MinipoolStatus.Prelaunch, Now)));
        await registry.Ask<SnapshotSaved>(SaveAllSnapshots.Instance, DefaultTimeout, CancellationToken.None);
        await Sys.TerminateAsync(DefaultTimeout);

        await using var restarted = ActorSystem.Create("restarted", new ActorSystemSettings { TimeProvider = Clock, TrackIdle = true });
        var scheduler = restarted.ActorOf(DeadlineScheduler.Props(12), "scheduler");
        var registry2 = restarted.ActorOf(PoolRegistry.Props(new TrackerOptions(scheduler, store, null, null), new BeaconSource(null, Beacon, TimeSpan.FromMinutes(6))), "registry");
        registry2.Tell(SettingsEvent());
        registry2.Tell(new RestoreTrackers([MegapoolAddress], [MinipoolAddress]));
        using (var idle = new CancellationTokenSource(DefaultTimeout))
        {
            await restarted.WhenIdleAsync(idle.Token);
        }

        var duties = (await scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, DefaultTimeout, CancellationToken.None)).Duties.Select(d => d.Duty.Kind).Order();
        Assert.Equal([DutyKind.DissolveMegapoolValidator, DutyKind.DissolveMinipool], duties);
    }

    private static void AssertFirstValidBlock(DutyDue due, DutyKind kind, ulong dueAt)
    {
        Assert.Equal(kind, due.Duty.Kind);
        Assert.Equal(dueAt, due.Duty.DueAt);
        Assert.True(due.NextBlockTime >= dueAt, $"published for a block at {due.NextBlockTime}, before the due time {dueAt}");
        Assert.True(due.NextBlockTime < dueAt + (ulong)Slot.TotalSeconds, $"published for a block at {due.NextBlockTime}, later than the first valid block after {dueAt}");
    }
}
