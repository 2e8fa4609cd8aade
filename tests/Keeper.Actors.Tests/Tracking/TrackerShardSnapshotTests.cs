using Akka.Actor;
using Akka.TestKit;
using Keeper.Actors.Persistence;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Tracking;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;
using Keeper.Testing.Tracking;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;
using Address = Keeper.Chain.Primitives.Address;
using static Keeper.Actors.Tests.Tracking.TrackingFixtures;

namespace Keeper.Actors.Tests.Tracking;

/// <summary>
/// One tracker shard and Akka.Persistence.Sql's snapshot store, the test actor as its parent (it receives what a shard
/// tells the registry, but for its live-pool counts). The store is made to fail by taking its table away, which fails
/// every statement on it at once.
/// </summary>
public sealed class TrackerShardSnapshotTests : TrackingTestKit
{
    private static readonly SnapshotScope OtherNode = new(Address.Parse("0x00000000000000000000000000000000000000e2"));
    private static readonly BlockRef Block1 = new(1, Hash32.Zero, 1_767_225_600);

    public TrackerShardSnapshotTests(ITestOutputHelper output)
        : base(output)
    {
        IgnoreMessages<PoolsLive>();
    }

    private Task<IActorRef> TrackerAsync(SnapshotScope snapshots, TestProbe scheduler, string name = "tracker") =>
        ChildActorOfAsync(
            TrackerShard.Props(new TrackerOptions(scheduler, snapshots, null, null), Settings()),
            name,
            new OneForOneStrategy(_ => Directive.Restart));

    private static WatcherEvents Validator(uint id) => new([new MegapoolValidatorRead(Block1, MegapoolAddress, id, null, Prestaked((uint)(1_767_225_600 + id)))]);

    private async Task<IReadOnlyList<uint>> SavedValidatorsAsync(SnapshotScope snapshots)
    {
        var rows = await SnapshotRowsAsync(snapshots.Tracker(MegapoolAddress));
        return rows.Count == 0 ? [] : [.. Assert.IsType<MegapoolTrackingState>(rows[^1].Snapshot).Validators.Keys];
    }

    private async Task<IReadOnlyList<long>> SavedSequenceNrsAsync(SnapshotScope snapshots) =>
        [.. (await SnapshotRowsAsync(snapshots.Tracker(MegapoolAddress))).Select(r => r.SequenceNr)];

    /// <summary>Takes the snapshot table away (every statement on it fails) or puts it back.</summary>
    private async Task SnapshotTableAsync(bool present)
    {
        var (from, to) = present ? ("away", SqlPersistenceConfig.SnapshotTable) : (SqlPersistenceConfig.SnapshotTable, "away");
        await using var connection = new SqliteConnection(Store.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"ALTER TABLE {from} RENAME TO {to}";
        await command.ExecuteNonQueryAsync();
    }

    private async Task SaveAsync(IActorRef tracker)
    {
        tracker.Tell(SaveSnapshot.Instance);
        await ExpectMsgAsync<SnapshotSaved>(Guard);
    }

    [Fact]
    public async Task SaveSnapshot_StoreFails_RepliesFailureKeepsThePreviousSnapshotAndSavesTheStateNextTime()
    {
        var tracker = await TrackerAsync(Snapshots, CreateTestProbe());
        tracker.Tell(Validator(0));
        await SaveAsync(tracker);
        tracker.Tell(Validator(1));
        await SnapshotTableAsync(present: false);

        tracker.Tell(SaveSnapshot.Instance);

        var failure = await ExpectMsgAsync<Status.Failure>(Guard);
        var cause = Assert.IsType<SnapshotStoreException>(failure.Cause);
        Assert.Equal(Snapshots.Tracker(MegapoolAddress), cause.PersistenceId);
        await SnapshotTableAsync(present: true);
        Assert.Equal([0u], await SavedValidatorsAsync(Snapshots));
        // Still dirty: the next checkpoint saves what the failed one could not, under a number never used before.
        await SaveAsync(tracker);
        Assert.Equal([0u, 1u], await SavedValidatorsAsync(Snapshots));
        Assert.Equal([3L], await SavedSequenceNrsAsync(Snapshots));
    }

    [Fact]
    public async Task Load_StoreFails_HoldsTheEventsAndAppliesThemOnceARetryLoads()
    {
        var scheduler = CreateTestProbe();
        var tracker = await TrackerAsync(Snapshots, scheduler);
        // Once a first pool's snapshot is loaded, the store has made its table.
        tracker.Tell(new WatcherEvents([new MinipoolRead(Block1, MinipoolIn(Keeper.Chain.Contracts.RocketPool.MinipoolStatus.Staking, 1_767_225_600))]));
        await TrackingBarriers.IdleAsync(Sys, tracker.Path, Guard);
        await SnapshotTableAsync(present: false);

        tracker.Tell(Validator(4));

        await TrackingBarriers.IdleAsync(Sys, tracker.Path, Guard);
        Assert.False(scheduler.HasMessages, "the shard applied a read whose pool's snapshot it could not load");
        await SnapshotTableAsync(present: true);
        Clock.Advance(LatestSnapshot.LoadRetryInterval);
        await TrackingBarriers.IdleAsync(Sys, tracker.Path, Guard);
        Assert.Equal(TaskKeys.DissolveMegapoolValidator(MegapoolAddress, 4), (await scheduler.ExpectMsgAsync<ScheduleDuty>(Guard)).Duty.Key);
    }

    [Fact]
    public async Task SaveSnapshot_NothingChangedSinceTheLastSave_WritesNothing()
    {
        var tracker = await TrackerAsync(Snapshots, CreateTestProbe());
        tracker.Tell(Validator(0));
        await SaveAsync(tracker);

        await SaveAsync(tracker);

        Assert.Equal([1L], await SavedSequenceNrsAsync(Snapshots));
    }

    [Fact]
    public async Task Passivate_StoreFails_StaysAliveTellsItsParentAndPassivatesOnceTheStoreIsBack()
    {
        var tracker = await TrackerAsync(Snapshots, CreateTestProbe());
        await WatchAsync(tracker);
        tracker.Tell(Validator(0));
        // Once its snapshot is loaded, the store has made its table.
        await TrackingBarriers.IdleAsync(Sys, tracker.Path, Guard);
        await SnapshotTableAsync(present: false);

        tracker.Tell(Passivate.Instance);

        await ExpectMsgAsync<PassivationCancelled>(m => m.Tracker.Equals(tracker), Guard);
        Assert.Equal(tracker, await TrackingBarriers.IdleAsync(Sys, tracker.Path, Guard));
        await SnapshotTableAsync(present: true);
        tracker.Tell(Passivate.Instance);
        await ExpectTerminatedAsync(tracker, Guard);
        Assert.Equal([0u], await SavedValidatorsAsync(Snapshots));
    }

    [Fact]
    public async Task SaveSnapshot_StateEmptied_DeletesTheSnapshot()
    {
        var tracker = await TrackerAsync(Snapshots, CreateTestProbe());
        var id = Snapshots.Tracker(MinipoolAddress);
        tracker.Tell(new WatcherEvents([new MinipoolRead(Block1, MinipoolIn(Keeper.Chain.Contracts.RocketPool.MinipoolStatus.Prelaunch, 1_767_225_600))]));
        await SaveAsync(tracker);
        var (_, saved) = Assert.Single(await SnapshotRowsAsync(id));
        Assert.Equal(MinipoolAddress, Assert.IsType<MinipoolTrackingState>(saved).State.Minipool);

        tracker.Tell(new WatcherEvents([new PoolForgotten(Block1, MinipoolAddress, null)]));
        await SaveAsync(tracker);

        Assert.Empty(await SnapshotRowsAsync(id));
    }

    [Fact]
    public async Task Restart_AfterACrash_RestoresItsSnapshotAndSchedulesItsDutiesAgain()
    {
        var scheduler = CreateTestProbe();
        var tracker = await TrackerAsync(Snapshots, scheduler);
        tracker.Tell(Validator(4));
        var scheduled = await scheduler.ExpectMsgAsync<ScheduleDuty>(Guard);
        await SaveAsync(tracker);

        tracker.Tell(Kill.Instance);

        Assert.Equal(scheduled, await scheduler.ExpectMsgAsync<ScheduleDuty>(Guard));
        Assert.Equal(TaskKeys.DissolveMegapoolValidator(MegapoolAddress, 4), scheduled.Duty.Key);
    }

    [Fact]
    public async Task Snapshots_TwoNodesShareTheStore_EachTrackerKeepsAndRestoresOnlyItsNodes()
    {
        var ours = await TrackerAsync(Snapshots, CreateTestProbe(), name: "ours");
        var theirs = await TrackerAsync(OtherNode, CreateTestProbe(), name: "theirs");
        ours.Tell(Validator(0));
        theirs.Tell(Validator(5));
        await SaveAsync(ours);
        await SaveAsync(theirs);

        Assert.Equal([0u], await SavedValidatorsAsync(Snapshots));
        Assert.Equal([5u], await SavedValidatorsAsync(OtherNode));
        Assert.Equal($"tracker:{Snapshots.Account.ToLowerHex()}:{MegapoolAddress.ToLowerHex()}", Snapshots.Tracker(MegapoolAddress));
        var scheduler = CreateTestProbe();
        var restored = await TrackerAsync(OtherNode, scheduler, name: "theirs-again");
        // What the registry tells a shard for the pools a node knew when it stopped.
        restored.Tell(new RestorePools([MegapoolAddress]));
        await TrackingBarriers.IdleAsync(Sys, restored.Path, Guard);
        Assert.Equal(TaskKeys.DissolveMegapoolValidator(MegapoolAddress, 5), (await scheduler.ExpectMsgAsync<ScheduleDuty>(Guard)).Duty.Key);
        Assert.False(scheduler.HasMessages, "the tracker restored another node's validators too");
    }
}
