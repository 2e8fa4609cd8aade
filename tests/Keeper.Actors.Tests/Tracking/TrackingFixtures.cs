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
        new(timeBeforeDissolve, launchTimeout, 112, Beacon);

    public static ValidatorInfo Queued() =>
        new(0, 32_000, 4_000, 0, false, false, true, false, false, false, false, false, 0, ValidatorInfoLayout.V2, 0);

    public static ValidatorInfo Prestaked(uint assignedAt) =>
        Queued() with { InQueue = false, InPrestake = true, LastAssignmentTime = assignedAt };

    public static ValidatorInfo Staked(uint assignedAt) =>
        Prestaked(assignedAt) with { InPrestake = false, Staked = true };

    public static MinipoolState MinipoolIn(MinipoolStatus status, ulong statusTime) => new(MinipoolAddress, Node, status, statusTime);
}
