using Keeper.Chain.Beacon.Proofs;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;

namespace Keeper.Chain.Contracts.RocketPool;

/// <summary>
/// Puts Keeper's beacon proofs into the structs Rocket Pool's megapool manager takes. The proofs were checked against
/// their block root when built; this only changes their shape.
/// </summary>
public static class ProofStructs
{
    /// <summary>The manager's <c>ValidatorProof</c> for <paramref name="proof"/>.</summary>
    public static ValidatorProofStruct From(ValidatorProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var validator = proof.Validator;
        return new ValidatorProofStruct
        {
            ValidatorIndex = proof.ValidatorIndex,
            Validator = new ValidatorStruct
            {
                Pubkey = validator.Pubkey,
                WithdrawalCredentials = validator.WithdrawalCredentials.ToArray(),
                EffectiveBalance = validator.EffectiveBalance,
                Slashed = validator.Slashed,
                ActivationEligibilityEpoch = validator.ActivationEligibilityEpoch,
                ActivationEpoch = validator.ActivationEpoch,
                ExitEpoch = validator.ExitEpoch,
                WithdrawableEpoch = validator.WithdrawableEpoch,
            },
            Witnesses = Witnesses(proof.Witnesses),
        };
    }

    /// <summary>The manager's <c>SlotProof</c> for <paramref name="proof"/>.</summary>
    public static SlotProofStruct From(SlotProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return new SlotProofStruct { Slot = proof.Slot, Witnesses = Witnesses(proof.Witnesses) };
    }

    /// <summary>The manager's <c>WithdrawalProof</c> for <paramref name="proof"/>; the withdrawal's address goes in its credentials field.</summary>
    public static WithdrawalProofStruct From(WithdrawalProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var withdrawal = proof.Withdrawal;
        return new WithdrawalProofStruct
        {
            WithdrawalSlot = proof.WithdrawalSlot,
            WithdrawalNum = proof.WithdrawalNum,
            Withdrawal = new WithdrawalStruct
            {
                Index = withdrawal.Index,
                ValidatorIndex = withdrawal.ValidatorIndex,
                WithdrawalCredentials = withdrawal.Address.ToArray(),
                AmountInGwei = withdrawal.AmountInGwei,
            },
            Witnesses = Witnesses(proof.Witnesses),
        };
    }

    private static List<byte[]> Witnesses(WitnessList witnesses) => [.. witnesses.Select(w => w.ToArray())];
}
