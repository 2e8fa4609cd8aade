using System.Numerics;
using Keeper.Actors.Tracking;
using Keeper.Chain.Proving;
using Xunit;
using static Keeper.Actors.Tests.Tracking.TrackingFixtures;

namespace Keeper.Actors.Tests.Tracking;

public sealed class OwnDutiesTests
{
    private const uint AssignedAt = 1_750_000_000;
    private static readonly BigInteger Fine = BigInteger.Parse("50000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    private static TrackingSettings OwnSettings() => Settings() with { LateNotifyFine = Fine };

    private static MegapoolTrackingState With(uint id, Keeper.Chain.Contracts.RocketPool.ValidatorInfo info) =>
        MegapoolTrackingState.Empty(MegapoolAddress).WithRead(id, info, new byte[48], 10);

    [Fact]
    public void OwnNotifyExit_ExitSeen_DueAtOnceProvenNoOlderThanTheSightingSameKeyAsTheLateReport()
    {
        var state = With(4, Staked(AssignedAt)).WithBeacon(4, ExitingRecord(400_000), seenAtSlot: 12_345_678);

        var own = Assert.Single(state.Duties(OwnSettings(), own: true));
        var late = Assert.Single(state.Duties(OwnSettings()));

        Assert.True(own.Own);
        Assert.False(late.Own);
        Assert.Equal(late.Key, own.Key);
        Assert.Equal(0UL, own.DueAt);
        Assert.Equal(late.Deadline, own.Deadline);
        // No lateness requirement: only a state at least as new as the read that showed the exit.
        Assert.Equal(new ProofCallRequest(ProofCallKind.NotifyExit, MegapoolAddress, 4, 9, NotBeforeSlot: 12_345_678), own.Proof);
        Assert.Equal(Fine, own.Reward);
        Assert.Equal((400_000UL - 112 + 1) * 32, late.Proof!.NotBeforeSlot);
    }

    [Fact]
    public void OwnNotifyExit_ReportedOrNoExit_None()
    {
        Assert.DoesNotContain(With(4, Staked(AssignedAt) with { Exiting = true }).WithBeacon(4, ExitingRecord(400_000), 5).Duties(OwnSettings(), own: true),
            d => d.Kind == DutyKind.NotifyExit);
        Assert.Empty(With(4, Staked(AssignedAt)).WithBeacon(4, ExitingRecord(400_000) with { ExitEpoch = null, WithdrawableEpoch = null }, 5).Duties(OwnSettings(), own: true));
    }

    [Fact]
    public void WithBeacon_SameWithdrawableEpochReadLater_KeepsTheFirstSighting()
    {
        var first = With(4, Staked(AssignedAt)).WithBeacon(4, ExitingRecord(400_000), 100);
        var balanceMoved = first.WithBeacon(4, ExitingRecord(400_000) with { Balance = 1 }, 200);
        var exitMoved = balanceMoved.WithBeacon(4, ExitingRecord(400_010), 300);
        var cancelled = exitMoved.WithBeacon(4, ExitingRecord(400_010) with { ExitEpoch = null, WithdrawableEpoch = null }, 400);

        Assert.Equal(100UL, first.Validators[4].ExitSeenAtSlot);
        Assert.Equal(100UL, balanceMoved.Validators[4].ExitSeenAtSlot);
        Assert.Equal(300UL, exitMoved.Validators[4].ExitSeenAtSlot);
        Assert.Equal(0UL, cancelled.Validators[4].ExitSeenAtSlot);
    }

    [Fact]
    public void OwnDeadlines_PrestakedAndExiting_StakeBeforeDissolvableAndReportBeforeTheThresholdEpoch()
    {
        var state = With(1, Prestaked(AssignedAt)).WithRead(2, Staked(AssignedAt), new byte[48], 11).WithBeacon(2, ExitingRecord(400_000), 7);

        var deadlines = state.OwnDeadlines(OwnSettings()).ToArray();

        Assert.Equal(
            [
                new OwnDeadline(TaskKeys.DissolveMegapoolValidator(MegapoolAddress, 1), OwnDeadlineKind.Stake, MegapoolAddress, 1, AssignedAt + (28 * Day)),
                new OwnDeadline(TaskKeys.NotifyExit(MegapoolAddress, 2), OwnDeadlineKind.NotifyExit, MegapoolAddress, 2, Beacon.EpochStartTime(400_000 - 112)!.Value),
            ],
            deadlines);
    }

    [Fact]
    public void OwnDeadlines_StakedOrReported_None()
    {
        Assert.Empty(With(1, Staked(AssignedAt)).OwnDeadlines(OwnSettings()));
        Assert.Empty(With(2, Staked(AssignedAt) with { Exiting = true }).WithBeacon(2, ExitingRecord(400_000), 7).OwnDeadlines(OwnSettings()));
    }

    [Theory]
    [InlineData(0L, false)]
    [InlineData(1L, true)]
    [InlineData(2L, true)]
    public void OwnStatus_AroundTheWarningStart_AtRiskFromTheFirstSecondOfTheLeadTime(long afterStart, bool atRisk)
    {
        var deadline = new OwnDeadline("k", OwnDeadlineKind.Stake, MegapoolAddress, 1, 1_000_000);
        var options = new OwnWarningOptions(TimeSpan.FromSeconds(3600), TimeSpan.FromSeconds(60));
        // The warning starts at At - lead: a chain time one second before that is not yet at risk.
        var now = (ulong)(1_000_000 - 3600 - 1 + afterStart);

        var status = OwnStatus.At(now, [deadline], options);

        var view = Assert.Single(status.Deadlines);
        Assert.Equal(1_000_000UL - 3600, view.WarnFrom);
        Assert.Equal(atRisk, view.AtRisk);
        Assert.Equal(atRisk ? 1 : 0, status.AtRisk);
        Assert.Equal(1_000_000L - (long)now, status.SecondsToNearest);
    }

    [Fact]
    public void OwnStatus_KindsHaveTheirOwnLeadTimes_NearestFirstAndPassedIsNegative()
    {
        var stake = new OwnDeadline("s", OwnDeadlineKind.Stake, MegapoolAddress, 1, 10_000);
        var notify = new OwnDeadline("n", OwnDeadlineKind.NotifyExit, MegapoolAddress, 2, 5_000);
        var options = new OwnWarningOptions(TimeSpan.FromSeconds(8_000), TimeSpan.FromSeconds(100));

        var status = OwnStatus.At(6_000, [stake, notify], options);

        Assert.Equal(["n", "s"], status.Deadlines.Select(d => d.Deadline.Key));
        Assert.True(status.Deadlines[0].AtRisk);
        Assert.Equal(-1_000, status.Deadlines[0].SecondsLeft);
        Assert.True(status.Deadlines[1].AtRisk);
        Assert.Equal(-1_000L, status.SecondsToNearest);
        Assert.Null(OwnStatus.At(null, [stake], options).SecondsToNearest);
        Assert.Equal(0, OwnStatus.At(null, [stake], options).AtRisk);
    }
}
