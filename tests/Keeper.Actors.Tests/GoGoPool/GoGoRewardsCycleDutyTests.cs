using Akka.Actor;
using Keeper.Actors.GoGoPool;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Watching.GoGoPool;
using Xunit;
using Xunit.Abstractions;
using static Keeper.Actors.Tests.GoGoPool.GoGoFixtures;

namespace Keeper.Actors.Tests.GoGoPool;

/// <summary>The registry's rewards-cycle duty: one per cycle count, due when the contract first allows the start.</summary>
public sealed class GoGoRewardsCycleDutyTests(ITestOutputHelper output) : GoGoTestKit(output)
{
    [Fact]
    public async Task Schedule_CycleAndSettingsRead_OneDutyWithTheCyclesKeyDueAtTheFirstValidTime()
    {
        var scheduler = CreateTestProbe("scheduler");
        StartRegistry(scheduler.Ref);
        Registry.Tell(CycleRead(1, count: 3, start: Genesis, inflationStart: Genesis + 3600));
        Registry.Tell(new GoGoSettingsRead(Block(1, Genesis), DaoSettings));

        var scheduled = await scheduler.ExpectMsgAsync<ScheduleDuty>(Guard);

        Assert.Equal(new Duty("start-rewards-cycle:gogopool:" + RewardsPoolAddress.ToLowerHex() + ":3", DutyKind.StartRewardsCycle, RewardsPoolAddress, null, Genesis + (28 * Day)), scheduled.Duty);
        Assert.Equal(TaskKeys.StartRewardsCycle(RewardsPoolAddress, 3), scheduled.Duty.Key);
        var status = await Registry.Ask<GoGoPoolStatus>(GetGoGoPoolStatus.Instance, Guard);
        Assert.Equal(new GoGoRewardsCycleView(RewardsPoolAddress, 3, Genesis, Genesis + (28 * Day), false), status.RewardsCycle);
    }

    [Fact]
    public async Task Schedule_CountMovesOn_ThePreviousCyclesDutyCancelledThenTheNextScheduled()
    {
        var scheduler = CreateTestProbe("scheduler");
        StartRegistry(scheduler.Ref);
        Registry.Tell(new GoGoSettingsRead(Block(1, Genesis), DaoSettings));
        Registry.Tell(CycleRead(1, count: 3, start: Genesis, inflationStart: Genesis));
        var first = await scheduler.ExpectMsgAsync<ScheduleDuty>(Guard);
        var started = Genesis + (28 * Day) + 2;

        Registry.Tell(CycleRead(2, count: 4, start: started, inflationStart: started));

        var cancelled = await scheduler.ExpectMsgAsync<CancelDuty>(Guard);
        var next = await scheduler.ExpectMsgAsync<ScheduleDuty>(Guard);
        Assert.Equal(first.Duty.Key, cancelled.Key);
        Assert.Contains("cycle count is 4", cancelled.Reason, StringComparison.Ordinal);
        Assert.Equal(new Duty(TaskKeys.StartRewardsCycle(RewardsPoolAddress, 4), DutyKind.StartRewardsCycle, RewardsPoolAddress, null, started + (28 * Day)), next.Duty);
    }

    [Fact]
    public async Task Schedule_SettingsChangeTheDueTime_RescheduledUnderTheSameKeyAndAnUnchangedReadSendsNothing()
    {
        var scheduler = CreateTestProbe("scheduler");
        StartRegistry(scheduler.Ref);
        Registry.Tell(new GoGoSettingsRead(Block(1, Genesis), DaoSettings));
        Registry.Tell(CycleRead(1, count: 3, start: Genesis, inflationStart: Genesis));
        var first = await scheduler.ExpectMsgAsync<ScheduleDuty>(Guard);

        Registry.Tell(new GoGoSettingsRead(Block(2, Genesis + 2), DaoSettings with { RewardsCycleSeconds = 14 * Day }));
        var rescheduled = await scheduler.ExpectMsgAsync<ScheduleDuty>(Guard);
        Registry.Tell(new GoGoSettingsRead(Block(3, Genesis + 4), DaoSettings with { RewardsCycleSeconds = 14 * Day }));
        Registry.Tell(CycleRead(3, count: 3, start: Genesis, inflationStart: Genesis));
        Registry.Tell(Head(3, Genesis + 4));

        Assert.Equal(first.Duty with { DueAt = Genesis + (14 * Day) }, rescheduled.Duty);
        // The head reaches the scheduler right behind the reschedule: the repeated reads sent nothing between.
        Assert.Equal(Block(3, Genesis + 4), (await scheduler.ExpectMsgAsync<ChainHeadAdvanced>(Guard)).Head);
    }

    [Fact]
    public async Task Head_PassedToTheDeadlineScheduler_TheDutyDueInTheFirstBlockWhereTheStartIsValid()
    {
        var scheduler = Sys.ActorOf(DeadlineScheduler.Props(SlotSeconds), "scheduler");
        var gate = CreateTestProbe("gate");
        scheduler.Tell(new SubscribeDuties(gate.Ref));
        StartRegistry(scheduler);
        Registry.Tell(new GoGoSettingsRead(Block(1, Genesis), DaoSettings));
        Registry.Tell(CycleRead(1, count: 7, start: Genesis, inflationStart: Genesis));
        var due = Genesis + (28 * Day);

        // Head at due - 3: the next block (due - 1) is still too early.
        Registry.Tell(Head(100, due - 3));
        Assert.Equal(due - 1, (await gate.ExpectMsgAsync<ChainTimeAdvanced>(Guard)).NextBlockTime);
        Registry.Tell(Head(101, due - 2));

        var published = await gate.ExpectMsgAsync<DutyDue>(Guard);
        Assert.Equal((TaskKeys.StartRewardsCycle(RewardsPoolAddress, 7), due, due), (published.Duty.Key, published.Duty.DueAt, published.NextBlockTime));
        Assert.Equal(due, (await gate.ExpectMsgAsync<ChainTimeAdvanced>(Guard)).NextBlockTime);
    }

    private static GoGoRewardsCycleRead CycleRead(ulong block, ulong count, ulong start, ulong inflationStart) =>
        new(Block(block, start), RewardsPoolAddress, new RewardsCycle(start, count, inflationStart, false));
}
