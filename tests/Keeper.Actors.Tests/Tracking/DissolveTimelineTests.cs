using Akka.Actor;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Tracking;
using Keeper.Chain.Watching;
using Xunit;
using Xunit.Abstractions;
using static Keeper.Actors.Tests.Tracking.TrackingFixtures;

namespace Keeper.Actors.Tests.Tracking;

/// <summary>
/// A whole dissolve timeline on virtual time: a megapool validator assigned ETH at T, and a year (or 28 days) of chain
/// fed through the registry and the deadline scheduler, in a fraction of a second of real time.
/// </summary>
/// <remarks>
/// Far from the deadline the chain is fed one head per hour instead of one per 12-s block; near it, every block. That is
/// faithful: the scheduler's chain time is the latest head's timestamp plus a slot, not an accumulation, and a head whose
/// next block is still before the due time changes nothing it holds (the duty stays waiting, and nothing else depends on
/// the heads in between). Only the heads around the deadline decide in which block the duty fires, and there every block
/// is fed. The hourly heads stay on the 12-s grid (timestamps and block numbers of the real chain), and virtual time
/// moves with them, so the tracker's idle (passivation) timer fires as it would live.
/// </remarks>
public sealed class DissolveTimelineTests(ITestOutputHelper output) : TrackingTestKit(output)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private const ulong SlotsPerHour = 3600 / SlotSeconds;

    [Theory]
    [InlineData(365, 0)]
    [InlineData(365, 11)]
    [InlineData(28, 0)]
    [InlineData(28, 11)]
    public async Task DissolveDuty_DaysOfHeadsOnVirtualTime_FiresOnceInTheFirstBlockStrictlyAfterTheDeadline(ulong days, ulong assignedAfterGenesis)
    {
        // The tracker keeps snapshots and asks to be passivated after an hour without news, as live; with a duty pending it must stay.
        Start(Snapshots, passivateAfter: Hour);
        var assignedAt = Genesis + assignedAfterGenesis;
        var deadline = assignedAt + (days * Day);
        Registry.Tell(SettingsEvent(days * Day));
        Registry.Tell(new MegapoolValidatorRead(At(Genesis), MegapoolAddress, 7, new byte[48], Prestaked((uint)assignedAt)));
        await TrackerIdleAsync(MegapoolAddress);
        var chain = StartChain();
        // The megapool rule is strict, block.timestamp > lastAssignmentTime + timeBeforeDissolve: the first head whose next
        // block is after the deadline. With T on the grid, the block before falls exactly on the deadline and is not valid;
        // with T 11 s after, the first valid block is the deadline's very next second.
        var firing = FirstValidHead(deadline + 1);
        Assert.Equal(days * Day / SlotSeconds, firing);

        var twoHoursBefore = await FeedAsync(chain, Hour, firing - (2 * SlotsPerHour));
        var waiting = Assert.Single((await ExpectNoNoticeThroughAsync(twoHoursBefore)).Duties);
        Assert.Equal((TaskKeys.DissolveMegapoolValidator(MegapoolAddress, 7), deadline + 1, false), (waiting.Duty.Key, waiting.Duty.DueAt, waiting.Due));
        Assert.Equal(1, (await RegistryStatsAsync()).LiveTrackers);

        var lastEarly = await FeedAsync(chain, Slot, firing - 1);
        var early = Assert.Single((await ExpectNoNoticeThroughAsync(lastEarly)).Duties);
        Assert.False(early.Due);
        Assert.Equal(Genesis + (days * Day), lastEarly.Timestamp + SlotSeconds);

        await FeedAsync(chain, Slot, firing);
        var due = await Duties.ExpectMsgAsync<DutyDue>(Guard);
        Assert.Equal(waiting.Duty, due.Duty);
        Assert.Equal(BlockTime(firing + 1), due.NextBlockTime);
        Assert.True(due.NextBlockTime > deadline, $"published for a block at {due.NextBlockTime}, not after the deadline {deadline}");
        Assert.True(due.NextBlockTime - SlotSeconds <= deadline, $"the block before, at {due.NextBlockTime - SlotSeconds}, was already after the deadline {deadline}");

        // Exactly once: an hour of blocks, then a week of hourly heads, publish nothing more.
        await FeedAsync(chain, Slot, firing + SlotsPerHour);
        var weekLater = await FeedAsync(chain, Hour, firing + SlotsPerHour + (7 * 24 * SlotsPerHour));
        var published = Assert.Single((await ExpectNoNoticeThroughAsync(weekLater)).Duties);
        Assert.Equal((waiting.Duty, true), (published.Duty, published.Due));
        Assert.Equal(1, (await RegistryStatsAsync()).LiveTrackers);
    }
}
