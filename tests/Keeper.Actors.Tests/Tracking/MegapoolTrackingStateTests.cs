using Keeper.Actors.Tracking;
using Keeper.Chain.Proving;
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
    public void NotifyExitDuty_WithdrawableEpochKnown_DeadlineIsStartOfWithdrawableMinusThresholdAndDueOneEpochLater()
    {
        var state = With((4, Staked(AssignedAt))).WithBeacon(4, ExitingRecord(400_000));

        var duty = Assert.Single(state.Duties(Settings()));

        Assert.Equal(DutyKind.NotifyExit, duty.Kind);
        Assert.Equal($"notify-exit:megapool:{MegapoolAddress.ToLowerHex()}:4", duty.Key);
        Assert.Equal(Beacon.EpochStartTime(400_000 - 112), duty.Deadline);
        Assert.Equal(1_606_824_023UL + ((400_000UL - 112) * 32 * 12), duty.Deadline);
        Assert.Equal(Beacon.EpochStartTime(400_000 - 112 + 1), duty.DueAt);
        // The proof must be of the first late epoch's slots: the contract judges lateness by the proof's slot.
        Assert.Equal(new ProofCallRequest(ProofCallKind.NotifyExit, MegapoolAddress, 4, 9, NotBeforeSlot: (400_000 - 112 + 1) * 32), duty.Proof);
    }

    [Theory]
    [InlineData(399_887UL)]
    [InlineData(399_888UL)]
    [InlineData(399_889UL)]
    public void NotifyExitDuty_AtEachEpochAroundTheThreshold_MatchesTheContractRule(ulong recentEpoch)
    {
        var due = Assert.Single(With((4, Staked(AssignedAt))).WithBeacon(4, ExitingRecord(400_000)).Duties(Settings())).DueAt;

        // The contract: late (anyone may report, the operator is fined) when recentEpoch > withdrawableEpoch - notifyThreshold.
        Assert.Equal(recentEpoch > 400_000 - 112, Beacon.EpochStartTime(recentEpoch) >= due);
    }

    [Fact]
    public void NotifyExitDuty_DissolvedValidatorExits_Due()
    {
        var dissolved = Prestaked(AssignedAt) with { InPrestake = false, Dissolved = true };
        var duty = Assert.Single(With((4, dissolved)).WithBeacon(4, ExitingRecord(400_000)).Duties(Settings()));
        Assert.Equal(DutyKind.NotifyExit, duty.Kind);
    }

    [Fact]
    public void NotifyExitDuty_AlreadyReportedExitingOrExited_None()
    {
        Assert.DoesNotContain(With((4, Staked(AssignedAt) with { Exiting = true })).WithBeacon(4, ExitingRecord(400_000)).Duties(Settings()), d => d.Kind == DutyKind.NotifyExit);
        Assert.Empty(With((4, Staked(AssignedAt) with { Exited = true })).WithBeacon(4, ExitingRecord(400_000)).Duties(Settings()));
    }

    [Fact]
    public void NotifyExitDuty_NoExitOnTheBeaconChain_None() =>
        Assert.Empty(With((4, Staked(AssignedAt))).WithBeacon(4, ExitingRecord(400_000) with { ExitEpoch = null, WithdrawableEpoch = null }).Duties(Settings()));

    [Fact]
    public void NotifyExitDuty_NoBeaconConfigured_None() =>
        Assert.Empty(With((4, Staked(AssignedAt))).WithBeacon(4, ExitingRecord(400_000)).Duties(Settings() with { BeaconTime = null }));

    [Fact]
    public void DissolveProofDuty_CompliantRecord_None() =>
        Assert.DoesNotContain(With((2, Prestaked(AssignedAt))).WithBeacon(2, CompliantRecord()).Duties(Settings()), d => d.Kind == DutyKind.DissolveProof);

    public static TheoryData<string> Breaches => new()
    {
        "credentials-type", "credentials-address", "credentials-padding", "eligibility", "activation", "exit", "withdrawable", "balance", "slashed",
    };

    [Theory]
    [MemberData(nameof(Breaches))]
    public void DissolveProofDuty_EachRuleBroken_DueAtOnce(string breach)
    {
        var credentials = BeaconCompliance.Credentials(MegapoolAddress).ToArray();
        var record = breach switch
        {
            "credentials-type" => CompliantRecord() with { WithdrawalCredentials = new(Patch(credentials, 0, 0x02)) },
            "credentials-address" => CompliantRecord() with { WithdrawalCredentials = new(Patch(credentials, 31, 0xa2)) },
            "credentials-padding" => CompliantRecord() with { WithdrawalCredentials = new(Patch(credentials, 5, 0x01)) },
            "eligibility" => CompliantRecord() with { ActivationEligibilityEpoch = 5 },
            "activation" => CompliantRecord() with { ActivationEpoch = 5 },
            "exit" => CompliantRecord() with { ExitEpoch = 5 },
            "withdrawable" => CompliantRecord() with { WithdrawableEpoch = 5 },
            "balance" => CompliantRecord() with { EffectiveBalance = 32_000_000_000 },
            _ => CompliantRecord() with { Slashed = true },
        };

        var duty = Assert.Single(With((2, Prestaked(AssignedAt))).WithBeacon(2, record).Duties(Settings()), d => d.Kind == DutyKind.DissolveProof);

        Assert.Equal($"dissolve-proof:megapool:{MegapoolAddress.ToLowerHex()}:2", duty.Key);
        Assert.Equal(0UL, duty.DueAt);
        Assert.Equal(2u, duty.ValidatorId);
        Assert.Equal(new ProofCallRequest(ProofCallKind.Dissolve, MegapoolAddress, 2, 9), duty.Proof);
    }

    [Fact]
    public void DissolveProofDuty_EffectiveBalanceJustBelow32Eth_None() =>
        Assert.DoesNotContain(
            With((2, Prestaked(AssignedAt))).WithBeacon(2, CompliantRecord() with { EffectiveBalance = 31_999_999_999 }).Duties(Settings()),
            d => d.Kind == DutyKind.DissolveProof);

    [Fact]
    public void DissolveProofDuty_NotPrestakedOrAlreadyDissolvedOrNoRecord_None()
    {
        var slashed = CompliantRecord() with { Slashed = true };
        Assert.Empty(With((2, Staked(AssignedAt))).WithBeacon(2, slashed).Duties(Settings()));
        Assert.Empty(With((2, Prestaked(AssignedAt) with { Dissolved = true })).WithBeacon(2, slashed).Duties(Settings()));
        Assert.Empty(With((2, Queued())).WithBeacon(2, slashed).Duties(Settings()));
        Assert.DoesNotContain(With((2, Prestaked(AssignedAt))).Duties(Settings()), d => d.Kind == DutyKind.DissolveProof);
    }

    [Theory]
    [InlineData(1575UL)]
    [InlineData(10UL)]
    public void FinalBalanceDuty_WithdrawalFound_DueAtStartOfWithdrawalEpochPlusDelay(ulong delay)
    {
        const ulong withdrawalSlot = (500_000 * 32) + 17;
        var state = With((4, Staked(AssignedAt) with { Exiting = true })).WithBeacon(4, ExitingRecord(499_990))
            .WithFinalWithdrawal(4, new WithdrawalLocation(withdrawalSlot, 3, 32_000_000_000));

        var duty = Assert.Single(state.Duties(Settings() with { UserDistributeDelayEpochs = delay }));

        Assert.Equal(DutyKind.FinalBalance, duty.Kind);
        Assert.Equal($"final-balance:megapool:{MegapoolAddress.ToLowerHex()}:4", duty.Key);
        Assert.Equal(Beacon.EpochStartTime(500_000 + delay), duty.DueAt);
        Assert.Equal(new ProofCallRequest(ProofCallKind.FinalBalance, MegapoolAddress, 4, 9, new WithdrawalLocation(withdrawalSlot, 3, 32_000_000_000), (500_000 + delay) * 32), duty.Proof);

        // The contract: a non-owner may prove it when recentEpoch >= withdrawalEpoch + userDistributeDelay.
        foreach (var epoch in new[] { 500_000 + delay - 1, 500_000 + delay, 500_000 + delay + 1 })
        {
            Assert.Equal(epoch >= 500_000 + delay, Beacon.EpochStartTime(epoch) >= duty.DueAt);
        }
    }

    [Theory]
    [InlineData(31_999_999_999UL, false, 6750UL)]
    [InlineData(20_000_000_000UL, false, 6750UL)]
    [InlineData(32_000_000_000UL, false, 1575UL)]
    [InlineData(33_000_000_000UL, false, 1575UL)]
    [InlineData(20_000_000_000UL, true, 1575UL)]
    public void FinalBalanceDuty_WithdrawalBelowTheDeposit_WaitsForTheShortfallDelay(ulong amountGwei, bool dissolved, ulong expectedDelay)
    {
        const ulong withdrawalSlot = 500_000 * 32;
        var withdrawal = new WithdrawalLocation(withdrawalSlot, 0, amountGwei);
        var info = Staked(AssignedAt) with { Exiting = true, Dissolved = dissolved, DepositValue = 32_000 };
        var state = With((4, info)).WithBeacon(4, ExitingRecord(499_990)).WithFinalWithdrawal(4, withdrawal);

        var duty = Assert.Single(state.Duties(Settings() with { UserDistributeDelayEpochs = 1575, UserDistributeDelayWithShortfallEpochs = 6750 }));

        Assert.Equal(Beacon.EpochStartTime(500_000 + expectedDelay), duty.DueAt);
        Assert.Equal((500_000 + expectedDelay) * 32, duty.Proof!.NotBeforeSlot);
        Assert.Equal(expectedDelay == 6750, MegapoolTrackingState.MayFallShort(info, withdrawal));
    }

    [Fact]
    public void FinalBalanceDuty_NoWithdrawalYetOrExitedOrNotExiting_None()
    {
        var withdrawal = new WithdrawalLocation(16_000_000, 0, 1);
        Assert.Empty(With((4, Staked(AssignedAt) with { Exiting = true })).WithBeacon(4, ExitingRecord(499_990)).Duties(Settings()));
        Assert.Empty(With((4, Staked(AssignedAt) with { Exiting = true, Exited = true })).WithFinalWithdrawal(4, withdrawal).Duties(Settings()));
        Assert.Empty(With((4, Staked(AssignedAt))).WithFinalWithdrawal(4, withdrawal).Duties(Settings()));
    }

    [Fact]
    public void BeaconCandidates_EveryValidatorThatCanHaveAProofDuty()
    {
        var state = With(
            (0, Staked(AssignedAt)),
            (1, Staked(AssignedAt) with { Exiting = true }),
            (2, Prestaked(AssignedAt)),
            (3, Queued()),
            (4, Prestaked(AssignedAt) with { InPrestake = false, Dissolved = true }),
            (5, Staked(AssignedAt) with { Exiting = true, Exited = true }),
            (6, Staked(AssignedAt) with { Exiting = true }))
            .WithFinalWithdrawal(6, new WithdrawalLocation(16_000_000, 0, 1));

        var candidates = state.BeaconCandidates().ToArray();

        Assert.Equal([0u, 1u, 2u, 4u, 6u], candidates.Select(c => c.ValidatorId));
        Assert.Equal([1u], candidates.Where(c => c.AwaitsFinalWithdrawal).Select(c => c.ValidatorId));
    }

    [Fact]
    public void WithBeacon_SameRecord_SameState()
    {
        var state = With((4, Staked(AssignedAt))).WithBeacon(4, ExitingRecord(400_000));
        Assert.Same(state, state.WithBeacon(4, ExitingRecord(400_000)));
        Assert.Same(state, state.WithBeacon(99, ExitingRecord(400_000)));
    }

    private static byte[] Patch(byte[] bytes, int at, byte value)
    {
        var copy = bytes.ToArray();
        copy[at] = value;
        return copy;
    }
}
