namespace Keeper.Chain.Beacon.Proofs;

/// <summary>
/// Generalized indices of the paths Rocket Pool's BeaconStateVerifier checks, from the beacon block root down. A
/// generalized index is 1 for a root and 2g, 2g+1 for the children of g; the deepest path here (a historical
/// withdrawal) is 65 levels, hence <see cref="UInt128"/>.
/// </summary>
public static class BeaconGindices
{
    /// <summary>The depth of a BeaconState's field tree (Electra's 37 and Fulu's 38 fields both fit 64 leaves).</summary>
    public const int StateDepth = 6;

    /// <summary>The depth of a block header's (or block's) field tree (5 fields).</summary>
    public const int HeaderDepth = 3;

    /// <summary>The depth of a BeaconBlockBody's field tree (13 fields).</summary>
    public const int BodyDepth = 4;

    /// <summary>The depth of an ExecutionPayload's field tree (17 fields).</summary>
    public const int PayloadDepth = 5;

    /// <summary>The depth of the validator registry's tree (limit 2^40), without the length mix-in.</summary>
    public const int ValidatorsDepth = 40;

    /// <summary>The depth of block_roots (8192 roots).</summary>
    public const int BlockRootsDepth = 13;

    /// <summary>The depth of historical_summaries' tree (limit 2^24), without the length mix-in.</summary>
    public const int HistoricalSummariesDepth = 24;

    /// <summary>The depth of a payload's withdrawals tree (limit 16), without the length mix-in.</summary>
    public const int WithdrawalsDepth = 4;

    /// <summary>The node at <paramref name="index"/> of a subtree <paramref name="depth"/> levels deep.</summary>
    public static UInt128 At(int depth, ulong index) => (UInt128.One << depth) | index;

    /// <summary>The index of node <paramref name="inner"/> of the subtree rooted at node <paramref name="outer"/>.</summary>
    public static UInt128 Concat(UInt128 outer, UInt128 inner)
    {
        var depth = Depth(inner);
        return (outer << depth) | (inner ^ (UInt128.One << depth));
    }

    /// <summary>The depth of a node: how many witnesses its proof has.</summary>
    public static int Depth(UInt128 gindex) => 127 - (int)UInt128.LeadingZeroCount(gindex);

    /// <summary>BeaconBlockHeader.state_root, the start of every state path.</summary>
    public static UInt128 StateRoot => At(HeaderDepth, 3);

    /// <summary>BeaconState.slot.</summary>
    public static UInt128 Slot => Concat(StateRoot, At(StateDepth, 2));

    /// <summary>BeaconState.validators[<paramref name="index"/>]: 50 levels.</summary>
    public static UInt128 Validator(ulong index) =>
        Concat(Concat(Concat(StateRoot, At(StateDepth, 11)), At(1, 0)), At(ValidatorsDepth, index));

    /// <summary>BeaconState.block_roots[<paramref name="slot"/> mod 8192].</summary>
    public static UInt128 RecentBlockRoot(ulong slot) =>
        Concat(Concat(StateRoot, At(StateDepth, 5)), At(BlockRootsDepth, slot % 8192));

    /// <summary>
    /// historical_summaries[<paramref name="summaryIndex"/>].block_summary_root → block_roots[<paramref name="slot"/> mod 8192].
    /// </summary>
    public static UInt128 HistoricalBlockRoot(ulong summaryIndex, ulong slot) =>
        Concat(
            Concat(Concat(Concat(Concat(StateRoot, At(StateDepth, 27)), At(1, 0)), At(HistoricalSummariesDepth, summaryIndex)), At(1, 0)),
            At(BlockRootsDepth, slot % 8192));

    /// <summary>From a block root: body → execution_payload → withdrawals[<paramref name="withdrawalNum"/>].</summary>
    public static UInt128 WithdrawalInBlock(int withdrawalNum) =>
        Concat(Concat(Concat(Concat(At(HeaderDepth, 4), At(BodyDepth, 9)), At(PayloadDepth, 14)), At(1, 0)), At(WithdrawalsDepth, (ulong)withdrawalNum));
}
