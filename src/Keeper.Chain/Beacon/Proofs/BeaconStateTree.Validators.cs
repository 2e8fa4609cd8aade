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
    public ValidatorProof ProveValidator(ulong validatorIndex)
    {
        if (validatorIndex >= (ulong)ValidatorCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(validatorIndex), validatorIndex, $"The state at slot {Slot} has {ValidatorCount} validators (indices 0 to {ValidatorCount - 1}).");
        }

        var index = (int)validatorIndex;
        var witnesses = new byte[_validatorsUpperBranch.Length + (BeaconGindices.ValidatorsDepth * 32)];
        _validators.WriteBranch(index, witnesses);
        _validatorsUpperBranch.CopyTo(witnesses, BeaconGindices.ValidatorsDepth * 32);

        var record = _state.Span.Slice(_validatorsSlice.Offset + (index * ValidatorSize), ValidatorSize);
        var validator = Decode(record);

        // The leaf is hashed again from the decoded record (what the verifier hashes), and climbed to the lowest level all
        // validators share; that level's node was checked against the block root once, in the constructor.
        Span<byte> leaf = stackalloc byte[32];
        _types.Validator.WriteRoot(Encode(validator), leaf);
        var shared = _validators.SharedLevel;
        Span<byte> node = stackalloc byte[32];
        MerkleBranch.Climb(leaf, witnesses.AsSpan(0, shared * 32), BeaconGindices.Validator(validatorIndex), node);
        if (!node.SequenceEqual(_validators.Node(shared, 0)))
        {
            throw new BeaconProofException(
                $"The proof built for validator {validatorIndex} at slot {Slot} does not verify against block root {BlockRoot}; this is a bug in Keeper's proof assembly.");
        }

        return new ValidatorProof(validatorIndex, validator, new WitnessList(witnesses), BlockRoot, Slot);
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
    /// The witnesses every validator proof shares above the registry's data tree: the length chunk, the state branch of
    /// <c>validators</c> and the header branch of <c>state_root</c>. Checked once here against the block root.
    /// </summary>
    private byte[] BuildValidatorsUpperBranch()
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

        return upper;
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

    private static byte[] Encode(ProvenValidator validator)
    {
        var record = new byte[ValidatorSize];
        validator.Pubkey.CopyTo(record, 0);
        validator.WithdrawalCredentials.Bytes.CopyTo(record.AsSpan(48));
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(80), validator.EffectiveBalance);
        record[88] = validator.Slashed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(89), validator.ActivationEligibilityEpoch);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(97), validator.ActivationEpoch);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(105), validator.ExitEpoch);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(113), validator.WithdrawableEpoch);
        return record;
    }
}
