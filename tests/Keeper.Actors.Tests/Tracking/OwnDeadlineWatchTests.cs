using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.TestKit;
using Keeper.Actors.Logging;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Tests.Logging;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Address = Keeper.Chain.Primitives.Address;
using Keeper.Chain.Watching;
using Keeper.Testing.Tracking;
using Microsoft.Extensions.Logging;
using Xunit;
using static Keeper.Actors.Tests.Tracking.TrackingFixtures;

namespace Keeper.Actors.Tests.Tracking;

/// <summary>
/// Own mode's warnings on virtual time: the registry (own megapool marked), the deadline scheduler and the own-deadline
/// watch, fed heads by a <see cref="HeadFeeder"/> on the TestScheduler, so chain time moves only when the test advances it.
/// </summary>
public sealed class OwnDeadlineWatchTests : Akka.TestKit.Xunit2.TestKit
{
    private const ulong SlotSeconds = 12;
    private const ulong Genesis = 1_767_225_600;
    private static readonly TimeSpan Slot = TimeSpan.FromSeconds(SlotSeconds);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private static readonly OwnWarningOptions Warnings = new(TimeSpan.FromDays(1), TimeSpan.FromHours(6));
    private readonly CapturingLoggerFactory _logs;
    private IActorRef _registry = ActorRefs.Nobody;
    private IActorRef _scheduler = ActorRefs.Nobody;
    private IActorRef _watch = ActorRefs.Nobody;

    public OwnDeadlineWatchTests(Xunit.Abstractions.ITestOutputHelper output)
        : this(new CapturingLoggerFactory(), output)
    {
    }

    private OwnDeadlineWatchTests(CapturingLoggerFactory logs, Xunit.Abstractions.ITestOutputHelper output)
        : base(ActorSystemSetup.Create(
            BootstrapSetup.Create().WithConfig(ConfigurationFactory.ParseString("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"")),
            new KeeperLoggingSetup(logs)), output: output)
    {
        _logs = logs;
    }

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    [Fact]
    public async Task StakeWarning_FromTheFirstHeadWhoseNextBlockReachesTheLeadTime_LoggedOnceAndClearedWhenStaked()
    {
        await StartAsync();
        // Dissolvable strictly after Genesis + 2 days; the warning starts a day before, at Genesis + 1 day.
        var assignedAt = (uint)(Genesis + (2 * Day) - (28 * Day));
        _registry.Tell(Settings());
        _registry.Tell(new MegapoolValidatorRead(At(Genesis), MegapoolAddress, 5, new byte[48], Prestaked(assignedAt)));
        var chain = Sys.ActorOf(Props.Create(() => new HeadFeeder(_registry, Slot, new BlockRef(0, Hash32.Zero, Genesis))), "chain");

        // Head 7198's next block is at Genesis + 86,388 s: twelve seconds short of the warning.
        await FeedAsync(chain, TimeSpan.FromHours(1), 6900);
        await FeedAsync(chain, Slot, 7198);
        var before = await StatusAsync(7198);
        var deadline = Assert.Single(before.Deadlines);
        Assert.Equal(new OwnDeadline(TaskKeys.DissolveMegapoolValidator(MegapoolAddress, 5), OwnDeadlineKind.Stake, MegapoolAddress, 5, Genesis + (2 * Day)), deadline.Deadline);
        Assert.False(deadline.AtRisk);
        Assert.Equal(0, before.AtRisk);
        Assert.Empty(Warnings_());

        await FeedAsync(chain, Slot, 7199);
        var at = await StatusAsync(7199);
        Assert.Equal(1, at.AtRisk);
        Assert.Equal((long)Day, at.SecondsToNearest);
        await FeedAsync(chain, Slot, 7260);
        Assert.Equal(1, (await StatusAsync(7260)).AtRisk);
        var warning = Assert.Single(Warnings_());
        Assert.Contains("validator 5 of megapool " + MegapoolAddress.ToLowerHex(), warning, StringComparison.Ordinal);
        Assert.Contains("stake it before", warning, StringComparison.Ordinal);

        _registry.Tell(new MegapoolValidatorRead(At(BlockTime(7260)), MegapoolAddress, 5, null, Staked(assignedAt)));
        await FeedAsync(chain, Slot, 7261);
        var staked = await StatusAsync(7261);
        Assert.Empty(staked.Deadlines);
        Assert.Null(staked.SecondsToNearest);
        Assert.Single(Warnings_());
    }

    [Fact]
    public async Task NotifyWarning_ExitSeenInsideTheLeadTime_WarnedAtTheNextHeadAndTheOwnReportIsDueAtOnce()
    {
        await StartAsync();
        var gate = CreateTestProbe("gate");
        gate.IgnoreMessages<ChainTimeAdvanced>();
        _scheduler.Tell(new SubscribeDuties(gate.Ref));
        _registry.Tell(Settings());
        _registry.Tell(new MegapoolValidatorRead(At(Genesis), MegapoolAddress, 2, new byte[48], Staked((uint)Genesis)));
        // Withdrawable so soon that the notify deadline (its epoch minus 112) is two hours away: inside the 6 h lead time.
        var deadlineEpoch = Beacon.EpochAt(Genesis + (2 * 3600))!.Value;
        _registry.Tell(new RouteBeaconFacts(MegapoolAddress, 2, ExitingRecord(deadlineEpoch + 112), SeenAtSlot: 777));
        var chain = Sys.ActorOf(Props.Create(() => new HeadFeeder(_registry, Slot, new BlockRef(0, Hash32.Zero, Genesis))), "chain");

        await FeedAsync(chain, Slot, 1);

        var due = await gate.ExpectMsgAsync<DutyDue>(Guard);
        Assert.True(due.Duty.Own);
        Assert.Equal(TaskKeys.NotifyExit(MegapoolAddress, 2), due.Duty.Key);
        Assert.Equal(777UL, due.Duty.Proof!.NotBeforeSlot);
        var status = await StatusAsync(1);
        Assert.Equal(OwnDeadlineKind.NotifyExit, Assert.Single(status.Deadlines).Deadline.Kind);
        Assert.Equal(1, status.AtRisk);
        Assert.Contains("is exiting and not reported", Assert.Single(Warnings_()), StringComparison.Ordinal);
    }

    private async Task StartAsync()
    {
        _scheduler = Sys.ActorOf(DeadlineScheduler.Props(SlotSeconds), "scheduler");
        _watch = Sys.ActorOf(OwnDeadlineWatch.Props(_scheduler, Warnings), "own-deadlines");
        // The watch subscribes in PreStart, which has run once it answers: its subscription reaches the scheduler before any head.
        await _watch.Ask<OwnStatus>(GetOwnStatus.Instance, Guard);
        var own = new OwnPools(new HashSet<Address> { MegapoolAddress }, _watch);
        _registry = Sys.ActorOf(PoolRegistry.Props(new TrackerOptions(_scheduler, null, null, null, Own: own), new BeaconSource(null, Beacon, TimeSpan.FromMinutes(6))), "registry");
    }

    private static SettingsRead Settings() => new(At(0), new MegapoolSettingsValues(28 * Day, 112, 50, 0, 0, 1575, 6750), 72 * 60 * 60);

    private static BlockRef At(ulong time) => new(1, Hash32.Zero, time);

    private static ulong BlockTime(ulong number) => Genesis + (number * SlotSeconds);

    private IReadOnlyList<string> Warnings_() =>
        _logs.Entries.Where(e => e.Category == typeof(OwnDeadlineWatch).FullName && e.Level == LogLevel.Warning).Select(e => e.Message).ToArray();

    // Every head fed has passed the registry and the scheduler, and every read the megapool's tracker shard, each of which
    // told the watch before answering: the watch's view is of head.
    private async Task<OwnStatus> StatusAsync(ulong head)
    {
        await TrackingBarriers.TrackerIdleAsync(Sys, _registry, MegapoolAddress, Guard);
        await _registry.Ask<RegistryStats>(GetRegistryStats.Instance, Guard);
        await _scheduler.Ask<DutiesSnapshot>(GetDuties.Instance, Guard);
        var status = await _watch.Ask<OwnStatus>(GetOwnStatus.Instance, Guard);
        Assert.True(BlockTime(head) + SlotSeconds == status.ChainTime, $"the watch is at chain time {status.ChainTime}, not head {head}'s next block {BlockTime(head) + SlotSeconds}");
        return status;
    }

    private async Task FeedAsync(IActorRef chain, TimeSpan pace, ulong toHead)
    {
        var from = await chain.Ask<BlockRef>(new FeedEvery(pace), Guard);
        var slots = (ulong)(pace / Slot);
        for (var head = from.Number; head < toHead; head += slots)
        {
            Clock.Advance(pace);
        }

        Assert.Equal(toHead, (await chain.Ask<BlockRef>(new FeedEvery(pace), Guard)).Number);
    }
}
