using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>A validator's record as the verifier's <c>Validator</c> struct takes it, decoded from the state.</summary>
/// <param name="Pubkey">The 48-byte BLS public key.</param>
/// <param name="WithdrawalCredentials">0x01 or 0x02 followed by the withdrawal address, or a BLS (0x00) commitment.</param>
/// <param name="EffectiveBalance">In gwei.</param>
/// <param name="Slashed">Whether the validator was slashed.</param>
/// <param name="ActivationEligibilityEpoch">The epoch it became eligible (2^64-1 while not yet).</param>
/// <param name="ActivationEpoch">The activation epoch (2^64-1 while not yet).</param>
/// <param name="ExitEpoch">The exit epoch (2^64-1 while not exiting).</param>
/// <param name="WithdrawableEpoch">The withdrawable epoch (2^64-1 while not exiting).</param>
public sealed record ProvenValidator(
    byte[] Pubkey,
    Hash32 WithdrawalCredentials,
    ulong EffectiveBalance,
    bool Slashed,
    ulong ActivationEligibilityEpoch,
    ulong ActivationEpoch,
    ulong ExitEpoch,
    ulong WithdrawableEpoch);
