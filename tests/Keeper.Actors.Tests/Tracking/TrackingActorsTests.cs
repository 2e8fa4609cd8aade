using Akka.Actor;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Watching;
using Keeper.Testing.Tracking;
using Address = Keeper.Chain.Primitives.Address;
using Xunit;
using Xunit.Abstractions;
using static Keeper.Actors.Tests.Tracking.TrackingFixtures;

namespace Keeper.Actors.Tests.Tracking;

public sealed class TrackingActorsTests(ITestOutputHelper output) : TrackingTestKit(output)
{
    [Fact]
    public async Task DutyDue_TwentyEightDaysOfHeads_EachDutyFiresOnceAtTheFirstValidBlockNeverEarly()
    {
        Start();
        const uint assignedAt = (uint)Genesis;
        Registry.Tell(SettingsEvent());
        Registry.Tell(new MegapoolValidatorRead(At(Genesis), MegapoolAddress, 0, new byte[48], Prestaked(assignedAt)));
        Registry.Tell(new MinipoolRead(At(Genesis), MinipoolIn(MinipoolStatus.Prelaunch, Genesis + 1000)));
        var minipoolDue = Genesis + 1000 + (72 * 60 * 60);
        var megapoolDue = assignedAt + (28 * Day) + 1;
        await TrackerIdleAsync(MegapoolAddress);
        await TrackerIdleAsync(MinipoolAddress);
        var chain = StartChain();

        var held = await ExpectNoNoticeThroughAsync(await FeedAsync(chain, Slot, FirstValidHead(minipoolDue) - 1));
        Assert.Equal([(minipoolDue, false), (megapoolDue, false)], held.Duties.Select(d => (d.Duty.DueAt, d.Due)));
        await FeedAsync(chain, Slot, FirstValidHead(minipoolDue));
        var first = await Duties.ExpectMsgAsync<DutyDue>(Guard);
        await ExpectNoNoticeThroughAsync(await FeedAsync(chain, Slot, FirstValidHead(megapoolDue) - 1));
        var twoDaysLater = await FeedAsync(chain, Slot, FirstValidHead(megapoolDue) + (2 * Day / SlotSeconds));
        var second = await Duties.ExpectMsgAsync<DutyDue>(Guard);
        var end = await ExpectNoNoticeThroughAsync(twoDaysLater);

        AssertFirstValidBlock(first, DutyKind.DissolveMinipool, minipoolDue);
        AssertFirstValidBlock(second, DutyKind.DissolveMegapoolValidator, megapoolDue);
        Assert.All(end.Duties, d => Assert.True(d.Due, $"{d.Duty.Key} is held but was never published"));
    }

    [Fact]
    public async Task DutyDue_StakedAMinuteBeforeTheDeadline_CancelledBeforeItFalls()
    {
        Start();
        const uint assignedAt = (uint)Genesis;
        Registry.Tell(SettingsEvent(14 * Day));
        Registry.Tell(new MegapoolValidatorRead(At(Genesis), MegapoolAddress, 3, null, Prestaked(assignedAt)));
        await TrackerIdleAsync(MegapoolAddress);
        var chain = StartChain();

        var lastMinute = await FeedAsync(chain, Slot, ((14 * Day) - 60) / SlotSeconds);
        var held = Assert.Single((await ExpectNoNoticeThroughAsync(lastMinute)).Duties);
        Assert.Equal((assignedAt + (14 * Day) + 1, false), (held.Duty.DueAt, held.Due));
        Registry.Tell(new MegapoolValidatorRead(lastMinute, MegapoolAddress, 3, null, Staked(assignedAt)));
        // The tracker has told the scheduler to cancel before the next head is fed.
        await TrackerIdleAsync(MegapoolAddress);
        var dayLater = await FeedAsync(chain, Slot, lastMinute.Number + (Day / SlotSeconds));

        Assert.Empty((await ExpectNoNoticeThroughAsync(dayLater)).Duties);
    }

    [Fact]
    public async Task DutyDue_ReorgUndoesAssignmentAfterDue_Retracted()
    {
        Start();
        Registry.Tell(SettingsEvent());
        Registry.Tell(new HeadAdvanced(At(Genesis)));
        Registry.Tell(new MegapoolValidatorRead(At(Genesis), MegapoolAddress, 1, null, Prestaked((uint)(Genesis - (29 * Day)))));
        var due = await Duties.ExpectMsgAsync<DutyDue>(Guard);

        Registry.Tell(new MegapoolValidatorRead(At(Genesis), MegapoolAddress, 1, null, Queued()));

        var cancelled = await Duties.ExpectMsgAsync<DutyCancelled>(Guard);
        Assert.Equal(TaskKeys.DissolveMegapoolValidator(MegapoolAddress, 1), due.Duty.Key);
        Assert.Equal(due.Duty.Key, cancelled.Key);
        Assert.Empty((await Deadlines.Ask<DutiesSnapshot>(GetDuties.Instance, Guard)).Duties);
    }

    [Fact]
    public async Task Passivation_IdleTracker_SavedStoppedAndRevivedWithItsStateByTheNextEvent()
    {
        Start(Snapshots, TimeSpan.FromHours(1));
        Registry.Tell(SettingsEvent());
        Registry.Tell(new MegapoolValidatorRead(At(Genesis), MegapoolAddress, 0, new byte[48], Staked((uint)Genesis)));
        // Once the tracker has handled the read, its idle timer runs from now.
        var tracker = await TrackerIdleAsync(MegapoolAddress);
        await WatchAsync(tracker);

        Clock.Advance(TimeSpan.FromHours(2));

        await ExpectTerminatedAsync(tracker, Guard);
        var idle = await RegistryStatsAsync();
        Assert.Equal(0, idle.LiveTrackers);
        // Saved once: each save takes the next sequence number and deletes the older snapshots.
        var (sequenceNr, saved) = Assert.Single(await SnapshotRowsAsync(Snapshots.Tracker(MegapoolAddress)));
        Assert.Equal(1, sequenceNr);
        Assert.Equal([0u], Assert.IsType<MegapoolTrackingState>(saved).Validators.Keys);

        Registry.Tell(new RouteBeaconFacts(MegapoolAddress, 0, ExitingRecord(500_000)));
        var revived = await TrackerIdleAsync(MegapoolAddress);

        Assert.NotEqual(tracker, revived);
        var snapshot = await Deadlines.Ask<DutiesSnapshot>(GetDuties.Instance, Guard);
        var duty = Assert.Single(snapshot.Duties).Duty;
        Assert.Equal(DutyKind.NotifyExit, duty.Kind);
        Assert.Equal(Beacon.EpochStartTime(500_000 - 112), duty.Deadline);
        Assert.Equal(1, (await RegistryStatsAsync()).LiveTrackers);
    }

    [Fact]
    public async Task Passivation_TwoPoolsInOneShard_TheIdleOneIsSavedAndDroppedTheOneWithADutyStays()
    {
        // Its last four bytes put it in MegapoolAddress's shard (0x1a1 and 0xa1 agree modulo 64).
        var neighbour = Address.Parse("0x00000000000000000000000000000000000001a1");
        Start(Snapshots, TimeSpan.FromHours(1));
        Registry.Tell(SettingsEvent());
        Registry.Tell(new MegapoolValidatorRead(At(Genesis), MegapoolAddress, 0, null, Staked((uint)Genesis)));
        Registry.Tell(new MegapoolValidatorRead(At(Genesis), neighbour, 1, null, Prestaked((uint)Genesis)));
        var shard = await TrackerIdleAsync(MegapoolAddress);
        Assert.Equal(shard, await TrackerIdleAsync(neighbour));
        Assert.Equal(2, (await RegistryStatsAsync()).LiveTrackers);

        Clock.Advance(TimeSpan.FromHours(2));

        // The sweep and its save are done once the shard answers; it stays, holding the pool with a duty.
        Assert.Equal(shard, await TrackingBarriers.IdleAsync(Sys, shard.Path, Guard));
        Assert.Equal(1, (await RegistryStatsAsync()).LiveTrackers);
        var (_, saved) = Assert.Single(await SnapshotRowsAsync(Snapshots.Tracker(MegapoolAddress)));
        Assert.Equal([0u], Assert.IsType<MegapoolTrackingState>(saved).Validators.Keys);
        Assert.Empty(await SnapshotRowsAsync(Snapshots.Tracker(neighbour)));
        var duty = Assert.Single((await Deadlines.Ask<DutiesSnapshot>(GetDuties.Instance, Guard)).Duties).Duty;
        Assert.Equal(TaskKeys.DissolveMegapoolValidator(neighbour, 1), duty.Key);
    }

    [Fact]
    public async Task Restart_TrackersRestoredFromSnapshots_DutiesScheduledWithoutReadingTheChain()
    {
        Start(Snapshots);
        Registry.Tell(SettingsEvent());
        Registry.Tell(new MegapoolValidatorRead(At(Genesis), MegapoolAddress, 2, null, Prestaked((uint)Genesis)));
        Registry.Tell(new MinipoolRead(At(Genesis), MinipoolIn(MinipoolStatus.Prelaunch, Genesis)));
        await Registry.Ask<SnapshotSaved>(SaveAllSnapshots.Instance, Guard);
        await Sys.Terminate();

        var restarted = ActorSystem.Create("restarted", SystemConfig(Store));
        try
        {
            var scheduler = restarted.ActorOf(DeadlineScheduler.Props(SlotSeconds), "scheduler");
            var registry = restarted.ActorOf(PoolRegistry.Props(new TrackerOptions(scheduler, Snapshots, null, null), new BeaconSource(null, Beacon, TimeSpan.FromMinutes(6))), "registry");
            registry.Tell(SettingsEvent());
            registry.Tell(new RestoreTrackers([MegapoolAddress], [MinipoolAddress]));
            await TrackingBarriers.TrackerIdleAsync(restarted, registry, MegapoolAddress, Guard);
            await TrackingBarriers.TrackerIdleAsync(restarted, registry, MinipoolAddress, Guard);

            var duties = (await scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, Guard)).Duties.Select(d => d.Duty);
            Assert.Equal(
                [(DutyKind.DissolveMinipool, Genesis + (72 * 60 * 60)), (DutyKind.DissolveMegapoolValidator, Genesis + (28 * Day) + 1)],
                duties.Select(d => (d.Kind, d.DueAt)));
        }
        finally
        {
            await restarted.Terminate();
        }
    }

    private static void AssertFirstValidBlock(DutyDue due, DutyKind kind, ulong dueAt)
    {
        Assert.Equal(kind, due.Duty.Kind);
        Assert.Equal(dueAt, due.Duty.DueAt);
        Assert.True(due.NextBlockTime >= dueAt, $"published for a block at {due.NextBlockTime}, before the due time {dueAt}");
        Assert.True(due.NextBlockTime < dueAt + SlotSeconds, $"published for a block at {due.NextBlockTime}, later than the first valid block after {dueAt}");
        Assert.Equal(BlockTime(FirstValidHead(dueAt) + 1), due.NextBlockTime);
    }
}
