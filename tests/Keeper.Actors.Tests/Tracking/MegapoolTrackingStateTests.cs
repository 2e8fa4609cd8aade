using Keeper.Actors.Tracking;
using Xunit;
using static Keeper.Actors.Tests.Tracking.TrackingFixtures;

namespace Keeper.Actors.Tests.Tracking;

public sealed class MegapoolTrackingStateTests
{
    private const uint AssignedAt = 1_750_000_000;

    private static MegapoolTrackingState With(params (uint Id, Keeper.Chain.Contracts.RocketPool.ValidatorInfo Info)[] validators)
    {
        var state = MegapoolTrackingState.Empty(MegapoolAddress);
        foreach (var (id, info) in validators)
        {
            state = state.WithRead(id, info, new byte[48], 10);
        }

        return state;
    }

    [Theory]
    [InlineData(14 * Day)]
    [InlineData(28 * Day)]
    public void DissolveDuty_Prestaked_DueOneSecondAfterDeadlineBecauseTheRuleIsStrict(ulong timeBeforeDissolve)
    {
        var duty = Assert.Single(With((7, Prestaked(AssignedAt))).Duties(Settings(timeBeforeDissolve)));

        Assert.Equal(DutyKind.DissolveMegapoolValidator, duty.Kind);
        Assert.Equal(AssignedAt + timeBeforeDissolve + 1, duty.DueAt);
        Assert.Equal($"dissolve:megapool:{MegapoolAddress.ToLowerHex()}:7", duty.Key);
        Assert.Equal(7u, duty.ValidatorId);
    }

    [Theory]
    [InlineData(14 * Day)]
    [InlineData(28 * Day)]
    public void DissolveDuty_AtEachSecondAroundTheBoundary_MatchesTheContractRule(ulong timeBeforeDissolve)
    {
        var due = Assert.Single(With((0, Prestaked(AssignedAt))).Duties(Settings(timeBeforeDissolve))).DueAt;
        var boundary = AssignedAt + timeBeforeDissolve;

        // The contract: block.timestamp > lastAssignmentTime + timeBeforeDissolve.
        foreach (var t in new[] { boundary - 1, boundary, boundary + 1 })
        {
            Assert.Equal(t > boundary, t >= due);
        }
    }

    [Fact]
    public void DissolveDuty_StakedBeforeDeadline_None() =>
        Assert.Empty(With((0, Staked(AssignedAt))).Duties(Settings()));

    [Fact]
    public void DissolveDuty_QueuedOrDissolved_None()
    {
        Assert.Empty(With((0, Queued())).Duties(Settings()));
        Assert.Empty(With((0, Prestaked(AssignedAt) with { InPrestake = false, Dissolved = true })).Duties(Settings()));
    }

    [Fact]
    public void WithRead_ReorgUndoesAssignment_DutyDisappears()
    {
        var assigned = With((3, Prestaked(AssignedAt)));
        Assert.Single(assigned.Duties(Settings()));

        var undone = assigned.WithRead(3, Queued(), null, 9);

        Assert.Empty(undone.Duties(Settings()));
        Assert.NotNull(undone.Validators[3].Pubkey);
    }

    [Fact]
    public void WithRead_ReorgMovesAssignment_DutyMovesWithIt()
    {
        var state = With((3, Prestaked(AssignedAt))).WithRead(3, Prestaked(AssignedAt + 24), null, 11);
        Assert.Equal(AssignedAt + 24 + (28 * Day) + 1, Assert.Single(state.Duties(Settings())).DueAt);
    }

    [Fact]
    public void Without_ForgottenValidator_DutyDisappears() =>
        Assert.Empty(With((3, Prestaked(AssignedAt))).Without(3).Duties(Settings()));

    [Fact]
    public void NotifyExitDuty_WithdrawableEpochKnown_DeadlineIsStartOfWithdrawableMinusThreshold()
    {
        var state = With((4, Staked(AssignedAt))).WithWithdrawableEpoch(4, 400_000);

        var duty = Assert.Single(state.Duties(Settings()));

        Assert.Equal(DutyKind.NotifyExit, duty.Kind);
        Assert.Equal(0UL, duty.DueAt);
        Assert.Equal(Beacon.EpochStartTime(400_000 - 112), duty.Deadline);
        Assert.Equal(1_606_824_023UL + ((400_000UL - 112) * 32 * 12), duty.Deadline);
    }

    [Fact]
    public void NotifyExitDuty_AlreadyReportedExiting_None() =>
        Assert.Empty(With((4, Staked(AssignedAt) with { Exiting = true })).WithWithdrawableEpoch(4, 400_000).Duties(Settings()));

    [Fact]
    public void NotifyExitDuty_NoBeaconConfigured_None() =>
        Assert.Empty(With((4, Staked(AssignedAt))).WithWithdrawableEpoch(4, 400_000).Duties(Settings() with { BeaconTime = null }));

    [Fact]
    public void ExitCandidates_OnlyStakedAndNotExiting()
    {
        var state = With((0, Staked(AssignedAt)), (1, Staked(AssignedAt) with { Exiting = true }), (2, Prestaked(AssignedAt)), (3, Queued()));
        Assert.Equal([0u], state.ExitCandidates().Select(c => c.ValidatorId));
    }
}
