using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Host.Devnet.GoGoPool;
using Xunit;

namespace Keeper.Host.Tests.Devnet.GoGoPool;

/// <summary>The GoGoPool seed plan: every case, its alert boundaries after the seeding, the controls' actions before theirs.</summary>
public sealed class GoGoPoolSeedPlanTests
{
    private const ulong Day = 24 * 3_600;
    private const ulong Seed = 1_800_000_000;
    private const ulong Grace = 3_600;
    private static readonly GoGoPoolSettings Defaults = new(28 * Day, Day, 14 * Day, Day, 365 * Day, 5 * Day);

    [Fact]
    public void Create_Ten_EveryCaseSeededAndTheTenthAnotherOverdueLaunched()
    {
        var plan = GoGoPoolSeedPlan.Create(10, Seed, Defaults, Grace);

        Assert.Equal(Enum.GetValues<GoGoPoolSeedCase>().Append(GoGoPoolSeedCase.LaunchedOverdue), plan.Minipools.Select(m => m.Case));
        Assert.Equal(
            new Dictionary<string, int> { ["Prelaunch"] = 1, ["Launched"] = 2, ["Staking"] = 2, ["Withdrawable"] = 2, ["Finished"] = 1, ["Canceled"] = 1, ["Error"] = 1 },
            plan.ByStatus);
        Assert.Equal(10, plan.Minipools.Select(m => m.NodeId).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 10).Select(i => Seed + (ulong)i), plan.Minipools.Select(m => m.SeedTime));
        Assert.Equal([0, 1, 0, 1, 0, 1, 0, 1, 0, 1], plan.Minipools.Select(m => m.OwnerIndex));
    }

    [Fact]
    public void Create_Ten_ExpectsOneAlertPerAlertCaseWithTheSharedKeyFormat()
    {
        var plan = GoGoPoolSeedPlan.Create(10, Seed, Defaults, Grace);
        var id = (int i) => GoGoPoolSeedPlan.NodeId(i).ToLowerHex();

        Assert.Equal(
            [
                $"overdue:{id(0)}:launched:{Seed}",
                $"overdue:{id(1)}:staking:{Seed + 10 + 7_200 - (15 * Day)}",
                $"not-withdrawn:{id(2)}:withdrawable:{Seed + 2}",
                $"error:{id(3)}:error:{Seed + 3}",
                $"overdue:{id(9)}:launched:{Seed + 9}",
            ],
            plan.ExpectedAlertKeys);
        Assert.All(plan.Minipools.Where(m => m.Case >= GoGoPoolSeedCase.Prelaunch), m => Assert.Null(m.AlertKey));
    }

    [Fact]
    public void Create_Ten_BoundariesFollowTheRulesAndLieAnHourOrMoreAfterTheSeeding()
    {
        var plan = GoGoPoolSeedPlan.Create(10, Seed, Defaults, Grace);
        var m = plan.Minipools;

        // Launched: its creation (= its status log's time) plus a cycle and the tolerance.
        Assert.Equal((GoGoMinipoolStatus.Launched, Seed, Seed + (15 * Day)), (m[0].Status, m[0].CreationTime, m[0].AlertAfter));
        // Staking: its cycle's start plus a cycle and the tolerance, two hours after the seeding.
        Assert.Equal((GoGoMinipoolStatus.Staking, Seed + 10 + 7_200), (m[1].Status, m[1].StartTime + (15 * Day)));
        Assert.Equal(m[1].StartTime + (15 * Day), m[1].AlertAfter);
        // Withdrawable: its end plus the grace.
        Assert.Equal((GoGoMinipoolStatus.Withdrawable, Seed + 2, Seed + 2 + Grace), (m[2].Status, m[2].EndTime, m[2].AlertAfter));
        Assert.Equal((GoGoMinipoolStatus.Error, "devnet-error", 0UL), (m[3].Status, m[3].ErrorCode, m[3].AlertAfter));
        Assert.All(m.Where(p => p.AlertAfter > 0), p => Assert.True(p.AlertAfter >= Seed + Grace, $"{p.Case} is due at {p.AlertAfter}, before the nodes may run"));
    }

    [Fact]
    public void Create_Ten_ControlsActedOnBeforeTheirBoundaries()
    {
        var plan = GoGoPoolSeedPlan.Create(10, Seed, Defaults, Grace);
        var withdrawn = plan.Minipools.Single(p => p.Case == GoGoPoolSeedCase.WithdrawnInTime);
        var ended = plan.Minipools.Single(p => p.Case == GoGoPoolSeedCase.EndedInTime);

        Assert.Equal(
            [
                new GoGoPoolPlannedAction(withdrawn.EndTime + (Grace / 2), withdrawn.NodeId, Withdraw: true, withdrawn.EndTime + Grace),
                new GoGoPoolPlannedAction(ended.StartTime + (15 * Day) - (Grace / 2), ended.NodeId, Withdraw: false, ended.StartTime + (15 * Day)),
                new GoGoPoolPlannedAction(ended.StartTime + (15 * Day) - (Grace / 4), ended.NodeId, Withdraw: true, ended.StartTime + (15 * Day) + (Grace / 2)),
            ],
            plan.Actions);
        Assert.Equal(GoGoMinipoolStatus.Staking, ended.Status);
        Assert.Equal(Seed + 10 + (3 * 3_600), ended.StartTime + (15 * Day));
        // Every boundary and action is a mark the run passes, in order, the controls' boundaries included.
        Assert.Equal(plan.Marks.Order(), plan.Marks);
        Assert.Contains(withdrawn.EndTime + Grace + 1, plan.Marks);
        Assert.Contains(ended.StartTime + (15 * Day) + 1, plan.Marks);
        Assert.All(plan.Actions, a => Assert.Contains(a.At, plan.Marks));
    }

    [Fact]
    public void Create_Four_OnlyTheAlertCases()
    {
        var plan = GoGoPoolSeedPlan.Create(4, Seed, Defaults, Grace);

        Assert.Equal([GoGoPoolSeedCase.LaunchedOverdue, GoGoPoolSeedCase.StakingOverdue, GoGoPoolSeedCase.WithdrawableNotWithdrawn, GoGoPoolSeedCase.Error], plan.Minipools.Select(m => m.Case));
        Assert.Equal(4, plan.ExpectedAlertKeys.Count);
        Assert.Empty(plan.Actions);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(GoGoPoolSeedPlan.MaxMinipools + 1)]
    public void Create_CountOutOfRange_Throws(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GoGoPoolSeedPlan.Create(count, Seed, Defaults, Grace));

    [Fact]
    public void Create_Zero_Empty()
    {
        var plan = GoGoPoolSeedPlan.Create(0, Seed, Defaults, Grace);

        Assert.Empty(plan.Minipools);
        Assert.Empty(plan.ExpectedAlertKeys);
        Assert.Empty(plan.Marks);
    }
}
