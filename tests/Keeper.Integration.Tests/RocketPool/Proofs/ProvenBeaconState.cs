using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Primitives;

namespace Keeper.Integration.Tests.RocketPool.Proofs;

/// <summary>
/// A beacon block root over a made-up state at <see cref="Slot"/> that holds the given validators, genesis witness and
/// past blocks' withdrawals, everything else random: the proofs Keeper would build from a real state, in the manager's
/// struct shapes. Set every leaf first, then take the proofs (a new leaf changes the branches).
/// </summary>
public sealed class ProvenBeaconState
{
    private readonly SparseMerkleTree _tree;
    private readonly ulong _capellaSlot;

    public ProvenBeaconState(int seed, ulong slot, byte[] genesisWitness, ulong capellaSlot)
    {
        _tree = new SparseMerkleTree(seed);
        _capellaSlot = capellaSlot;
        Slot = slot;
        _tree.Set(BeaconGindex.Slot, SszLeaves.Uint64(slot));
        _tree.Set(BeaconGindex.GenesisPair, genesisWitness);
    }

    public ulong Slot { get; }

    public Hash32 Root => new(_tree.Root);

    public void SetValidator(ulong index, ValidatorStruct validator) => _tree.Set(BeaconGindex.Validator(index), SszLeaves.Validator(validator));

    public void SetWithdrawal(ulong withdrawalSlot, ushort withdrawalNum, WithdrawalStruct withdrawal) =>
        _tree.Set(WithdrawalGindex(withdrawalSlot, withdrawalNum), SszLeaves.Withdrawal(withdrawal));

    public ValidatorProofStruct ProveValidator(ulong index, ValidatorStruct validator) =>
        new() { ValidatorIndex = index, Validator = validator, Witnesses = Checked(SszLeaves.Validator(validator), BeaconGindex.Validator(index)) };

    public SlotProofStruct ProveSlot() => new() { Slot = Slot, Witnesses = Checked(SszLeaves.Uint64(Slot), BeaconGindex.Slot) };

    public WithdrawalProofStruct ProveWithdrawal(ulong withdrawalSlot, ushort withdrawalNum, WithdrawalStruct withdrawal) => new()
    {
        WithdrawalSlot = withdrawalSlot,
        WithdrawalNum = withdrawalNum,
        Withdrawal = withdrawal,
        Witnesses = Checked(SszLeaves.Withdrawal(withdrawal), WithdrawalGindex(withdrawalSlot, withdrawalNum)),
    };

    private UInt128 WithdrawalGindex(ulong withdrawalSlot, ushort withdrawalNum) =>
        BeaconGindex.Withdrawal(BeaconGindex.PastBlockRoot(Slot, withdrawalSlot, _capellaSlot), withdrawalNum);

    // The branch must lead from this leaf to this root, or the test would prove nothing about the contract.
    private List<byte[]> Checked(byte[] leaf, UInt128 gindex)
    {
        var branch = _tree.Branch(gindex);
        if (branch.Count != BeaconGindex.Depth(gindex) || !SparseMerkleTree.RootOf(leaf, branch, gindex).AsSpan().SequenceEqual(_tree.Root))
        {
            throw new InvalidOperationException($"The leaf at generalized index {gindex} is not the one set in this state: set every leaf before proving.");
        }

        return branch;
    }
}
