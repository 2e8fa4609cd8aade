using Keeper.Chain.Beacon;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Tracking;

/// <summary>
/// The rules <c>RocketMegapoolManager.dissolve</c> checks on a prestaked validator's beacon record; breaking any of
/// them lets anyone dissolve it at once (otherwise the call reverts "Validator is compliant").
/// </summary>
public static class BeaconCompliance
{
    /// <summary>The most a prestaked validator may have as effective balance: below 32 ETH, in gwei.</summary>
    public const ulong FullDepositGwei = 32_000_000_000;

    /// <summary>The withdrawal credentials a megapool's validators must have: <c>0x01</c>, 11 zero bytes, the megapool's address.</summary>
    public static Hash32 Credentials(Address megapool)
    {
        var bytes = new byte[Hash32.Size];
        bytes[0] = 0x01;
        megapool.Bytes.CopyTo(bytes.AsSpan(12));
        return new Hash32(bytes);
    }

    /// <summary>
    /// Whether the record breaks a rule: other withdrawal credentials, an activation eligibility, activation, exit or
    /// withdrawable epoch set (the client reads <c>FAR_FUTURE_EPOCH</c> as null), a full effective balance, or a slashing.
    /// </summary>
    public static bool IsNonCompliant(BeaconValidator validator, Address megapool) =>
        validator.WithdrawalCredentials != Credentials(megapool)
        || validator.ActivationEligibilityEpoch is not null
        || validator.ActivationEpoch is not null
        || validator.ExitEpoch is not null
        || validator.WithdrawableEpoch is not null
        || validator.EffectiveBalance >= FullDepositGwei
        || validator.Slashed;
}
