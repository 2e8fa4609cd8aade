using System.Buffers.Binary;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>Validator proofs: validators[i] → registry root (+ length) → state → block root.</summary>
public sealed partial class BeaconStateTree
{
    // Validators per task when hashing the registry: large enough to amortize scheduling, small enough to balance cores.
    private const int ValidatorsPerTask = 16_384;

    private const int ValidatorSize = 121;

    /// <summary>
    /// The proof of validators[<paramref name="validatorIndex"/>], with the validator's record decoded from the state.
    /// Checked before it is returned.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such validator in this state.</exception>
    /// <exception cref="BeaconProofException">The proof failed its own check.</exception>
    public ValidatorProof ProveValidator(ulong validatorIndex) => Prove(validatorIndex, new BranchMemo(_validators.SharedLevel));

    /// <summary>
    /// Proofs of many validators, each checked before it is yielded. Indices in ascending order share the check of
    /// their common path, so proving a whole registry costs little more than copying the witnesses.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is not in this state (thrown when reached).</exception>
    /// <exception cref="BeaconProofException">A proof failed its own check.</exception>
    public IEnumerable<ValidatorProof> ProveValidators(IEnumerable<ulong> validatorIndices)
    {
        var memo = new BranchMemo(_validators.SharedLevel);
        foreach (var index in validatorIndices)
        {
            yield return Prove(index, memo);
        }
    }

    private ValidatorProof Prove(ulong validatorIndex, BranchMemo memo)
    {
        if (validatorIndex >= (ulong)ValidatorCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(validatorIndex), validatorIndex, $"The state at slot {Slot} has {ValidatorCount} validators (indices 0 to {ValidatorCount - 1}).");
        }

        var index = (int)validatorIndex;
        var shared = _validators.SharedLevel;
        var witnesses = new byte[shared * 32];
        _validators.WriteBranch(index, witnesses, shared);

        var record = _state.Span.Slice(_validatorsSlice.Offset + (index * ValidatorSize), ValidatorSize);
        var validator = Decode(record);

        // The decoded record must be the state's bytes (whose root is the leaf the layers were built on), and the leaf
        // must climb its own witnesses to the lowest level all validators share; from that level's node the shared tail
        // of witnesses was checked against the block root once, in the constructor. Together that is
        // is_valid_merkle_branch for this validator.
        Span<byte> encoded = stackalloc byte[ValidatorSize];
        Encode(validator, encoded);
        if (!encoded.SequenceEqual(record))
        {
            throw new BeaconProofException($"Validator {validatorIndex}'s record at slot {Slot} did not decode to its own bytes; this is a bug in Keeper's proof assembly.");
        }

        if (!memo.Reaches(_validators.Node(0, index), witnesses, index, _validators.Node(shared, 0)))
        {
            throw new BeaconProofException(
                $"The proof built for validator {validatorIndex} at slot {Slot} does not verify against block root {BlockRoot}; this is a bug in Keeper's proof assembly.");
        }

        return new ValidatorProof(validatorIndex, validator, new WitnessList(witnesses, _validatorsSharedTail), BlockRoot, Slot);
    }

    /// <summary>The registry's leaves: each validator's root, hashed on every core.</summary>
    private static byte[] ValidatorLeaves(ReadOnlyMemory<byte> validators, SszContainerType validatorType)
    {
        var count = validators.Length / ValidatorSize;
        var leaves = new byte[count * 32];
        var tasks = (count + ValidatorsPerTask - 1) / ValidatorsPerTask;
        Parallel.For(0, tasks, task =>
        {
            var span = validators.Span;
            var end = Math.Min(count, (task + 1) * ValidatorsPerTask);
            for (var i = task * ValidatorsPerTask; i < end; i++)
            {
                validatorType.WriteRoot(span.Slice(i * ValidatorSize, ValidatorSize), leaves.AsSpan(i * 32, 32));
            }
        });
        return leaves;
    }

    /// <summary>
    /// The witnesses every validator proof shares: the registry's levels above its lowest single node (zero subtrees),
    /// the length chunk, the state branch of <c>validators</c> and the header branch of <c>state_root</c>. Checked once
    /// here against the block root.
    /// </summary>
    private byte[] BuildValidatorsSharedTail()
    {
        var upper = new byte[(1 + BeaconGindices.StateDepth + BeaconGindices.HeaderDepth) * 32];
        LengthChunk(ValidatorCount, upper);
        _stateFields.WriteBranch(_types.BeaconState.IndexOf("validators"), upper.AsSpan(32));
        _header.WriteBranch(3, upper.AsSpan((1 + BeaconGindices.StateDepth) * 32));

        // Climb from the shared node (the data tree's single node at its lowest such level) with the zero-subtree
        // witnesses above it, then the upper branch; the path bits above the shared level are all 0 (left).
        var shared = _validators.SharedLevel;
        var above = new byte[((BeaconGindices.ValidatorsDepth - shared) * 32) + upper.Length];
        for (var level = shared; level < BeaconGindices.ValidatorsDepth; level++)
        {
            ZeroHashes.Get(level).CopyTo(above.AsSpan((level - shared) * 32, 32));
        }

        upper.CopyTo(above, (BeaconGindices.ValidatorsDepth - shared) * 32);
        var gindex = BeaconGindices.Validator(0) >> shared;
        if (!MerkleBranch.IsValid(_validators.Node(shared, 0), above, gindex, BlockRoot.Bytes))
        {
            throw new BeaconProofException($"The validator registry's branch at slot {Slot} does not verify against block root {BlockRoot}; this is a bug in Keeper's proof assembly.");
        }

        return above;
    }

    private static ProvenValidator Decode(ReadOnlySpan<byte> record) => new(
        record[..48].ToArray(),
        new Hash32(record.Slice(48, 32)),
        BinaryPrimitives.ReadUInt64LittleEndian(record.Slice(80, 8)),
        record[88] == 1,
        BinaryPrimitives.ReadUInt64LittleEndian(record.Slice(89, 8)),
        BinaryPrimitives.ReadUInt64LittleEndian(record.Slice(97, 8)),
        BinaryPrimitives.ReadUInt64LittleEndian(record.Slice(105, 8)),
        BinaryPrimitives.ReadUInt64LittleEndian(record.Slice(113, 8)));

    private static void Encode(ProvenValidator validator, Span<byte> record)
    {
        validator.Pubkey.CopyTo(record);
        validator.WithdrawalCredentials.Bytes.CopyTo(record[48..]);
        BinaryPrimitives.WriteUInt64LittleEndian(record[80..], validator.EffectiveBalance);
        record[88] = validator.Slashed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt64LittleEndian(record[89..], validator.ActivationEligibilityEpoch);
        BinaryPrimitives.WriteUInt64LittleEndian(record[97..], validator.ActivationEpoch);
        BinaryPrimitives.WriteUInt64LittleEndian(record[105..], validator.ExitEpoch);
        BinaryPrimitives.WriteUInt64LittleEndian(record[113..], validator.WithdrawableEpoch);
    }
}
