using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>
/// Withdrawal proofs: withdrawals[n] → payload → body → a past block root, reached from this state through block_roots
/// (the last 8192 slots) or historical_summaries (older).
/// </summary>
public sealed partial class BeaconStateTree
{
    /// <summary>
    /// True when a withdrawal at <paramref name="withdrawalSlot"/> is too old for this state's block_roots, so its proof
    /// needs that period's block_roots (see <see cref="HistoricalPeriodStateSlot"/>).
    /// </summary>
    public bool IsHistorical(ulong withdrawalSlot) => withdrawalSlot + BeaconTypes.SlotsPerHistoricalRoot < Slot;

    /// <summary>
    /// The slot of the state whose block_roots field a historical withdrawal proof needs: the first slot after the
    /// 8192-slot period of <paramref name="withdrawalSlot"/>, where that period's roots were summarized.
    /// </summary>
    public static ulong HistoricalPeriodStateSlot(ulong withdrawalSlot) =>
        ((withdrawalSlot / BeaconTypes.SlotsPerHistoricalRoot) + 1) * BeaconTypes.SlotsPerHistoricalRoot;

    /// <summary>
    /// The proof of withdrawal <paramref name="withdrawalNum"/> of a block. The caller fetches the block that holds the
    /// withdrawal (<c>/eth/v2/beacon/blocks/{slot}</c> as SSZ, with its fork from the version header) and, when
    /// <see cref="IsHistorical"/> says so, the <c>block_roots</c> field of the state at
    /// <see cref="HistoricalPeriodStateSlot"/> plus the chain's Capella fork slot (mainnet 6,209,536), which numbers
    /// the historical summaries.
    /// </summary>
    /// <param name="signedBlock">The serialized SignedBeaconBlock that holds the withdrawal.</param>
    /// <param name="blockFork">The block's fork (Electra or later).</param>
    /// <param name="withdrawalNum">The withdrawal's position in the block's payload.</param>
    /// <param name="periodBlockRoots">For a historical withdrawal, the serialized block_roots vector of its period; else empty.</param>
    /// <param name="capellaSlot">For a historical withdrawal, the first slot of the Capella fork.</param>
    /// <exception cref="SszException">The block or the block roots are malformed.</exception>
    /// <exception cref="BeaconProofException">The inputs do not belong to this state's chain, or the proof failed its own check.</exception>
    public WithdrawalProof ProveWithdrawal(
        ReadOnlySpan<byte> signedBlock, BeaconFork blockFork, int withdrawalNum, ReadOnlySpan<byte> periodBlockRoots = default, ulong capellaSlot = 0)
    {
        var block = PastBlock.Read(signedBlock, blockFork, withdrawalNum);
        if (block.Slot >= Slot)
        {
            throw new BeaconProofException($"The withdrawal's block (slot {block.Slot}) is not older than the state (slot {Slot}); prove it from a later state.");
        }

        var historical = IsHistorical(block.Slot);
        var upper = historical ? HistoricalBranch(block, periodBlockRoots, capellaSlot, out var gindex) : RecentBranch(block, out gindex);
        var witnesses = new byte[block.Branch.Length + upper.Length];
        block.Branch.CopyTo(witnesses, 0);
        upper.CopyTo(witnesses, block.Branch.Length);
        Check(block.Leaf, witnesses, gindex, $"withdrawal {withdrawalNum} of slot {block.Slot}");
        return new WithdrawalProof(block.Slot, (ushort)withdrawalNum, block.Withdrawal, new WitnessList(witnesses), BlockRoot, Slot, historical);
    }

    private byte[] RecentBranch(PastBlock block, out UInt128 gindex)
    {
        var position = block.Slot % BeaconTypes.SlotsPerHistoricalRoot;
        if (!_blockRoots.Node(0, (long)position).SequenceEqual(block.Root.Bytes))
        {
            throw new BeaconProofException(
                $"The block given for slot {block.Slot} has root {block.Root}, but this state's block_roots holds {new Hash32(_blockRoots.Node(0, (long)position))} " +
                "for that slot: the block is not on this state's chain (or the slot had no block and the root repeats an earlier one).");
        }

        var upper = new byte[(BeaconGindices.BlockRootsDepth + BeaconGindices.StateDepth + BeaconGindices.HeaderDepth) * 32];
        _blockRoots.WriteBranch((long)position, upper);
        _stateFields.WriteBranch(_types.BeaconState.IndexOf("block_roots"), upper.AsSpan(BeaconGindices.BlockRootsDepth * 32));
        _header.WriteBranch(3, upper.AsSpan((BeaconGindices.BlockRootsDepth + BeaconGindices.StateDepth) * 32));
        gindex = BeaconGindices.Concat(BeaconGindices.RecentBlockRoot(block.Slot), BeaconGindices.WithdrawalInBlock(block.WithdrawalNum));
        return upper;
    }

    private byte[] HistoricalBranch(PastBlock block, ReadOnlySpan<byte> periodBlockRoots, ulong capellaSlot, out UInt128 gindex)
    {
        var periodStateSlot = HistoricalPeriodStateSlot(block.Slot);
        if (periodBlockRoots.IsEmpty)
        {
            throw new BeaconProofException(
                $"The withdrawal's block (slot {block.Slot}) is more than 8192 slots before the state (slot {Slot}): pass the block_roots field of the state at slot {periodStateSlot}.");
        }

        var vectorType = (SszVectorType)_types.BeaconState.FieldType("block_roots");
        vectorType.Validate(periodBlockRoots);
        var period = block.Slot / BeaconTypes.SlotsPerHistoricalRoot;
        var firstPeriod = capellaSlot / BeaconTypes.SlotsPerHistoricalRoot;
        if (period < firstPeriod || period - firstPeriod >= (ulong)_historicalSummaries.LeafCount)
        {
            throw new BeaconProofException(
                $"The withdrawal's period ({period}) is not among this state's {_historicalSummaries.LeafCount} historical summaries, which start at the Capella fork " +
                $"(slot {capellaSlot}, period {firstPeriod}); check the Capella slot given.");
        }

        var summaryIndex = period - firstPeriod;
        var roots = MerkleLayers.Build(periodBlockRoots.ToArray(), BeaconGindices.BlockRootsDepth);
        var summary = _state.Span.Slice(
            _types.BeaconState.FieldSlice(_state.Span, "historical_summaries").Offset + ((int)summaryIndex * _types.HistoricalSummary.FixedSize),
            _types.HistoricalSummary.FixedSize);
        if (!roots.Root.SequenceEqual(summary[..32]))
        {
            throw new BeaconProofException(
                $"The block_roots given hash to {new Hash32(roots.Root)}, but historical summary {summaryIndex} holds {new Hash32(summary[..32])}: " +
                $"pass the block_roots field of the state at slot {periodStateSlot}.");
        }

        var position = (long)(block.Slot % BeaconTypes.SlotsPerHistoricalRoot);
        if (!roots.Node(0, position).SequenceEqual(block.Root.Bytes))
        {
            throw new BeaconProofException(
                $"The block given for slot {block.Slot} has root {block.Root}, but its period's block_roots holds {new Hash32(roots.Node(0, position))}: the block is not on this chain.");
        }

        var upper = new byte[(BeaconGindices.BlockRootsDepth + 1 + BeaconGindices.HistoricalSummariesDepth + 1 + BeaconGindices.StateDepth + BeaconGindices.HeaderDepth) * 32];
        var at = 0;
        roots.WriteBranch(position, upper);
        at += BeaconGindices.BlockRootsDepth * 32;
        summary.Slice(32, 32).CopyTo(upper.AsSpan(at));
        at += 32;
        _historicalSummaries.WriteBranch((long)summaryIndex, upper.AsSpan(at));
        at += BeaconGindices.HistoricalSummariesDepth * 32;
        LengthChunk(_historicalSummaries.LeafCount, upper.AsSpan(at));
        at += 32;
        _stateFields.WriteBranch(_types.BeaconState.IndexOf("historical_summaries"), upper.AsSpan(at));
        at += BeaconGindices.StateDepth * 32;
        _header.WriteBranch(3, upper.AsSpan(at));
        gindex = BeaconGindices.Concat(BeaconGindices.HistoricalBlockRoot(summaryIndex, block.Slot), BeaconGindices.WithdrawalInBlock(block.WithdrawalNum));
        return upper;
    }
}
