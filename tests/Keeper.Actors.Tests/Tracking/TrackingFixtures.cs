using Keeper.Actors.Tracking;
using Keeper.Chain.Beacon;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Tests.Tracking;

internal static class TrackingFixtures
{
    public const ulong Day = 24 * 60 * 60;

    public static readonly Address MegapoolAddress = Address.Parse("0x00000000000000000000000000000000000000a1");
    public static readonly Address MinipoolAddress = Address.Parse("0x00000000000000000000000000000000000000b2");
    public static readonly Address Node = Address.Parse("0x00000000000000000000000000000000000000c3");

    public static readonly BeaconTime Beacon = new(1_606_824_023, BeaconSpec.MainnetDefaults);

    public static TrackingSettings Settings(ulong timeBeforeDissolve = 28 * Day, ulong launchTimeout = 72 * 60 * 60) =>
        new(timeBeforeDissolve, launchTimeout, 112, 1575, 6750, Beacon);

    public static ValidatorInfo Queued() =>
        new(0, 32_000, 4_000, 0, false, false, true, false, false, false, false, false, 0, ValidatorInfoLayout.V2, 0);

    public static ValidatorInfo Prestaked(uint assignedAt) =>
        Queued() with { InQueue = false, InPrestake = true, LastAssignmentTime = assignedAt };

    public static ValidatorInfo Staked(uint assignedAt) =>
        Prestaked(assignedAt) with { InPrestake = false, Staked = true };

    /// <summary>A prestaked validator's beacon record as the rules want it: the megapool's credentials, 1 ETH, no epoch set.</summary>
    public static BeaconValidator CompliantRecord(ulong index = 9) =>
        new(index, new ValidatorPubkey(new byte[ValidatorPubkey.Size]), BeaconValidatorStatus.PendingInitialized, "pending_initialized",
            1_000_000_000, 1_000_000_000, false, BeaconCompliance.Credentials(MegapoolAddress), null, null, null, null);

    /// <summary>An active validator's record whose exit is under way, withdrawable at <paramref name="withdrawableEpoch"/>.</summary>
    public static BeaconValidator ExitingRecord(ulong withdrawableEpoch, ulong index = 9) =>
        CompliantRecord(index) with
        {
            Status = BeaconValidatorStatus.ActiveExiting,
            StatusName = "active_exiting",
            Balance = 32_000_000_000,
            EffectiveBalance = 32_000_000_000,
            ActivationEligibilityEpoch = 10,
            ActivationEpoch = 12,
            ExitEpoch = withdrawableEpoch - 256,
            WithdrawableEpoch = withdrawableEpoch,
        };

    public static MinipoolState MinipoolIn(MinipoolStatus status, ulong statusTime) => new(MinipoolAddress, Node, status, statusTime);
}
