using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Keeper.Actors.Persistence;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Tests.Persistence.Sql;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Address = Keeper.Chain.Primitives.Address;
using Keeper.Chain.Watching;
using Keeper.Testing.Persistence;
using Keeper.Testing.Tracking;
using Xunit;
using Xunit.Abstractions;
using static Keeper.Actors.Tests.Tracking.TrackingFixtures;

namespace Keeper.Actors.Tests.Tracking;

/// <summary>
/// The tracking actors (registry, trackers, deadline scheduler) on virtual time: actor timers run on the TestScheduler,
/// which only the test advances; chain time comes only from the heads a <see cref="HeadFeeder"/> feeds. Snapshots go to
/// Akka.Persistence.Sql's snapshot store in a SQLite file of the test's own (the node's configuration). Every wait is
/// for a message that proves a step happened; <see cref="Guard"/> is a real-time limit that only turns a hang into a
/// failure.
/// </summary>
public abstract class TrackingTestKit : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    /// <summary>Timers on the TestScheduler: they fire only inside <c>Advance</c>.</summary>
    protected static readonly Config VirtualTime =
        ConfigurationFactory.ParseString("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"\nakka.test.single-expect-default = 20s");

    /// <summary>The node whose snapshots the trackers keep.</summary>
    protected static readonly SnapshotScope Snapshots = new(Address.Parse("0x00000000000000000000000000000000000000e1"));

    /// <summary>The chain's block interval.</summary>
    protected static readonly TimeSpan Slot = TimeSpan.FromSeconds(SlotSeconds);

    /// <summary>The real-time limit of each wait.</summary>
    protected static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>The block interval in seconds.</summary>
    protected const ulong SlotSeconds = 12;

    /// <summary>The timestamp of head 0, where every test chain starts: 2026-01-01T00:00:00Z. Head n is one slot per number later.</summary>
    protected const ulong Genesis = 1_767_225_600;

    private readonly SqlTempFolder _folder;

    /// <summary>Creates the system on virtual time, its snapshot store in a fresh SQLite file.</summary>
    protected TrackingTestKit(ITestOutputHelper output)
        : this(output, new SqlTempFolder())
    {
    }

    private TrackingTestKit(ITestOutputHelper output, SqlTempFolder folder)
        : this(output, folder, SqlPersistenceConfig.PrepareSqliteAsync(folder.StorePath, CancellationToken.None).GetAwaiter().GetResult())
    {
    }

    private TrackingTestKit(ITestOutputHelper output, SqlTempFolder folder, SqlStoreLocation store)
        : base(SystemConfig(store), output: output)
    {
        _folder = folder;
        Store = store;
    }

    /// <summary>The SQLite file of the snapshot store.</summary>
    protected SqlStoreLocation Store { get; }

    /// <summary>The configuration of an actor system on virtual time whose snapshot store is <paramref name="store"/>.</summary>
    protected static Config SystemConfig(SqlStoreLocation store) =>
        VirtualTime.WithFallback(KeeperSerializer.Configuration).WithFallback(SqlPersistenceConfig.For(store));

    /// <summary>The system's scheduler: <c>Advance</c> fires the actor timers that fall due.</summary>
    protected TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    /// <summary>The registry, once <see cref="Start"/> has run.</summary>
    protected IActorRef Registry { get; private set; } = ActorRefs.Nobody;

    /// <summary>The deadline scheduler, once <see cref="Start"/> has run.</summary>
    protected IActorRef Deadlines { get; private set; } = ActorRefs.Nobody;

    /// <summary>A probe in the gate's place: it receives every duty notice but the per-head <see cref="ChainTimeAdvanced"/>.</summary>
    protected TestProbe Duties { get; private set; } = null!;

    /// <summary>The timestamp of head <paramref name="number"/>.</summary>
    protected static ulong BlockTime(ulong number) => Genesis + (number * SlotSeconds);

    /// <summary>The first head whose next block may hold an action due at <paramref name="dueAt"/>: its timestamp plus a slot reaches it.</summary>
    protected static ulong FirstValidHead(ulong dueAt) =>
        dueAt > Genesis + SlotSeconds ? (dueAt - Genesis - SlotSeconds + SlotSeconds - 1) / SlotSeconds : 0;

    /// <summary>A block reference at <paramref name="time"/>, for reads.</summary>
    protected static BlockRef At(ulong time) => new(1, Hash32.Zero, time);

    /// <summary>The settings as the watcher reports them.</summary>
    protected static SettingsRead SettingsEvent(ulong timeBeforeDissolve = 28 * Day) =>
        new(At(0), new MegapoolSettingsValues(timeBeforeDissolve, 112, 0, 0, 0, 1575, 6750), 72 * 60 * 60);

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        // A tracker may be inside a snapshot store call: stop the actors before the file goes.
        await ShutdownAsync(verifySystemShutdown: true);
        _folder.Dispose();
    }

    /// <summary>The snapshots of <paramref name="persistenceId"/> in the store's table, oldest first.</summary>
    protected Task<IReadOnlyList<(long SequenceNr, object Snapshot)>> SnapshotRowsAsync(string persistenceId) =>
        SnapshotRows.ReadAsync(Sys, Store, persistenceId);

    /// <summary>Starts the scheduler, with <see cref="Duties"/> subscribed, and the registry (no beacon node: exits come from messages).</summary>
    protected void Start(SnapshotScope? snapshots = null, TimeSpan? passivateAfter = null)
    {
        Deadlines = Sys.ActorOf(DeadlineScheduler.Props(SlotSeconds), "scheduler");
        Duties = CreateTestProbe("gate");
        Duties.IgnoreMessages<ChainTimeAdvanced>();
        Deadlines.Tell(new SubscribeDuties(Duties.Ref));
        Registry = Sys.ActorOf(PoolRegistry.Props(new TrackerOptions(Deadlines, snapshots, passivateAfter, null), new BeaconSource(null, Beacon, TimeSpan.FromMinutes(6))), "registry");
    }

    /// <summary>Starts a chain at head 0 (<see cref="Genesis"/>) that feeds the registry once <see cref="FeedAsync"/> moves virtual time.</summary>
    protected IActorRef StartChain() =>
        Sys.ActorOf(Props.Create(() => new HeadFeeder(Registry, Slot, new BlockRef(0, Hash32.Zero, Genesis))), "chain");

    /// <summary>
    /// Feeds a head every <paramref name="pace"/> (a whole number of slots) of virtual time until head
    /// <paramref name="toHead"/>, and returns it once every head fed is in the registry's mailbox.
    /// </summary>
    protected async Task<BlockRef> FeedAsync(IActorRef chain, TimeSpan pace, ulong toHead)
    {
        var slots = (ulong)(pace / Slot);
        var from = await chain.Ask<BlockRef>(new FeedEvery(pace), Guard);
        Assert.True(slots > 0 && Slot * slots == pace && toHead >= from.Number && (toHead - from.Number) % slots == 0,
            $"Cannot feed from head {from.Number} to head {toHead} every {pace}: the pace must be whole slots that reach the head exactly.");

        // The TestScheduler delivers a periodic timer at most once per Advance: one Advance per head.
        for (var head = from.Number; head < toHead; head += slots)
        {
            Clock.Advance(pace);
        }

        var last = await chain.Ask<BlockRef>(new FeedEvery(pace), Guard);
        Assert.Equal(toHead, last.Number);
        Assert.Equal(BlockTime(toHead), last.Timestamp);
        return last;
    }

    /// <summary>
    /// Proves that no duty notice was published up to and including <paramref name="head"/>, and returns what the scheduler
    /// holds. Once the registry answers, it has passed the head on; a snapshot asked with the probe as sender is then queued
    /// at the scheduler behind the head, so it reaches the probe behind every notice the head caused.
    /// </summary>
    protected async Task<DutiesSnapshot> ExpectNoNoticeThroughAsync(BlockRef head)
    {
        await Registry.Ask<RegistryStats>(GetRegistryStats.Instance, Guard);
        Deadlines.Tell(GetDuties.Instance, Duties.Ref);
        var next = await Duties.ReceiveOneAsync(Guard);
        if (next is not DutiesSnapshot snapshot)
        {
            throw new Xunit.Sdk.XunitException($"Expected no duty notice through head {head.Number} (time {head.Timestamp}), but the probe received {next?.ToString() ?? "nothing"}.");
        }

        Assert.Equal(head.Timestamp + SlotSeconds, snapshot.ChainTime);
        return snapshot;
    }

    /// <summary>Waits until the tracker shard of <paramref name="pool"/> has handled everything routed to it so far (see <see cref="TrackingBarriers"/>).</summary>
    protected Task<IActorRef> TrackerIdleAsync(Address pool) => TrackingBarriers.TrackerIdleAsync(Sys, Registry, pool, Guard);

    /// <summary>The registry's counts, after it has handled the death of any tracker that stopped before the call.</summary>
    protected Task<RegistryStats> RegistryStatsAsync() => TrackingBarriers.RegistryStatsAsync(Registry, Guard);
}
