using Keeper.Chain.Beacon;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.Beacon;

/// <summary>
/// One validator of the devnet beacon state: the consensus spec's <c>Validator</c> fields plus its balance, and the
/// megapool validator it stands for. Immutable; the chain replaces a record when something about it changes, so the
/// registry snapshot a past block holds never changes under it.
/// </summary>
/// <param name="Index">Its index in the registry (order of first appearance, as deposits add them).</param>
/// <param name="Pubkey">The BLS public key the harness gave it.</param>
/// <param name="WithdrawalCredentials">32 bytes: a 0x01 or 0x02 prefix, 11 zero bytes, then the withdrawal address.</param>
/// <param name="EffectiveBalance">Gwei.</param>
/// <param name="Slashed">Whether it was slashed.</param>
/// <param name="ActivationEligibilityEpoch">Epoch, or <see cref="BeaconTime.FarFutureEpoch"/>.</param>
/// <param name="ActivationEpoch">Epoch, or <see cref="BeaconTime.FarFutureEpoch"/>.</param>
/// <param name="ExitEpoch">Epoch, or <see cref="BeaconTime.FarFutureEpoch"/>.</param>
/// <param name="WithdrawableEpoch">Epoch, or <see cref="BeaconTime.FarFutureEpoch"/>.</param>
/// <param name="Balance">The actual balance, gwei.</param>
/// <param name="Megapool">The megapool that holds it.</param>
/// <param name="ValidatorId">Its id in that megapool.</param>
public sealed record DevValidator(
    ulong Index,
    ValidatorPubkey Pubkey,
    Hash32 WithdrawalCredentials,
    ulong EffectiveBalance,
    bool Slashed,
    ulong ActivationEligibilityEpoch,
    ulong ActivationEpoch,
    ulong ExitEpoch,
    ulong WithdrawableEpoch,
    ulong Balance,
    Address Megapool,
    uint ValidatorId)
{
    /// <summary>The status name the Beacon API gives the validator at <paramref name="epoch"/> (ethereum/beacon-APIs "validator status").</summary>
    public string StatusAt(ulong epoch) =>
        (ActivationEpoch > epoch, ExitEpoch > epoch, WithdrawableEpoch > epoch) switch
        {
            (true, _, _) => ActivationEligibilityEpoch == BeaconTime.FarFutureEpoch ? "pending_initialized" : "pending_queued",
            (false, true, _) when ExitEpoch == BeaconTime.FarFutureEpoch => "active_ongoing",
            (false, true, _) => Slashed ? "active_slashed" : "active_exiting",
            (false, false, true) => Slashed ? "exited_slashed" : "exited_unslashed",
            _ => Balance == 0 ? "withdrawal_done" : "withdrawal_possible",
        };

    /// <summary>The address in the withdrawal credentials (their last 20 bytes).</summary>
    public Address WithdrawalAddress => new(WithdrawalCredentials.Bytes[12..]);
}
