using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon;

/// <summary>
/// One validator as a beacon node reports it (<c>GET /eth/v1/beacon/states/{state_id}/validators</c>). Epochs the
/// chain has not set (<c>FAR_FUTURE_EPOCH</c>, 2^64-1, on the wire) are null, so a caller cannot do arithmetic on
/// the sentinel by mistake. The client guarantees that <see cref="ExitEpoch"/> and <see cref="WithdrawableEpoch"/>
/// are both null or both set, with the withdrawable epoch not before the exit epoch.
/// </summary>
/// <param name="Index">The index in the validator registry.</param>
/// <param name="Pubkey">The BLS public key.</param>
/// <param name="Status">The status, parsed; <see cref="BeaconValidatorStatus.Unknown"/> for a name this client does not know.</param>
/// <param name="StatusName">The status exactly as the node sent it, such as <c>active_exiting</c>.</param>
/// <param name="Balance">The current balance in gwei.</param>
/// <param name="EffectiveBalance">The effective balance in gwei.</param>
/// <param name="Slashed">Whether the validator was slashed.</param>
/// <param name="WithdrawalCredentials">The withdrawal credentials.</param>
/// <param name="ActivationEligibilityEpoch">When it became eligible for activation; null if not yet.</param>
/// <param name="ActivationEpoch">When it was (or will be) activated; null if not scheduled.</param>
/// <param name="ExitEpoch">When it exits (or exited); null if no exit was initiated.</param>
/// <param name="WithdrawableEpoch">When its balance becomes withdrawable; null if no exit was initiated.</param>
public sealed record BeaconValidator(
    ulong Index,
    ValidatorPubkey Pubkey,
    BeaconValidatorStatus Status,
    string StatusName,
    ulong Balance,
    ulong EffectiveBalance,
    bool Slashed,
    Hash32 WithdrawalCredentials,
    ulong? ActivationEligibilityEpoch,
    ulong? ActivationEpoch,
    ulong? ExitEpoch,
    ulong? WithdrawableEpoch)
{
    /// <summary>Whether an exit was initiated: the chain has set an exit epoch (and so a withdrawable epoch).</summary>
    public bool HasExitEpoch => ExitEpoch is not null;

    /// <summary>Whether the chain has set a withdrawable epoch (exactly when <see cref="HasExitEpoch"/>).</summary>
    public bool HasWithdrawableEpoch => WithdrawableEpoch is not null;
}
