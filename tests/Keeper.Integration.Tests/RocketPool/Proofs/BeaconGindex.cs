namespace Keeper.Integration.Tests.RocketPool.Proofs;

/// <summary>
/// Generalized indices from a beacon block root (a BeaconBlockHeader's hash tree root) to the leaves Rocket Pool's
/// verifier proves, composed as the consensus specs define them: field i of a container of 2^d chunks under g is
/// g·2^d + i; element i of a list of limit 2^k under g is (2g)·2^k + i (the right child holds the length).
/// </summary>
public static class BeaconGindex
{
    public const ulong SlotsPerHistoricalRoot = 8192;

    public static UInt128 StateRoot => Field(1, 3, 3);

    public static UInt128 Slot => StateField(2);

    /// <summary>The parent of genesis_time (field 0) and genesis_validators_root (field 1).</summary>
    public static UInt128 GenesisPair => Field(StateRoot, 5, 0);

    public static UInt128 Validator(ulong index) => ListElement(StateField(11), 40, index);

    /// <summary>The root of the block at <paramref name="pastSlot"/> in the state at <paramref name="slot"/>.</summary>
    public static UInt128 PastBlockRoot(ulong slot, ulong pastSlot, ulong capellaSlot)
    {
        var vector = pastSlot + SlotsPerHistoricalRoot >= slot
            ? StateField(5)
            : Field(ListElement(StateField(27), 24, (pastSlot / SlotsPerHistoricalRoot) - (capellaSlot / SlotsPerHistoricalRoot)), 1, 0);
        return Field(vector, 13, pastSlot % SlotsPerHistoricalRoot);
    }

    /// <summary>withdrawals[n] of the block whose root is at <paramref name="blockRoot"/>: header → body → payload.</summary>
    public static UInt128 Withdrawal(UInt128 blockRoot, ulong n) =>
        ListElement(Field(Field(Field(blockRoot, 3, 4), 4, 9), 5, 14), 4, n);

    /// <summary>How many witnesses a proof to <paramref name="gindex"/> has.</summary>
    public static int Depth(UInt128 gindex) => 127 - (int)UInt128.LeadingZeroCount(gindex);

    private static UInt128 StateField(ulong field) => Field(StateRoot, 6, field);

    private static UInt128 Field(UInt128 parent, int depth, ulong index) => (parent << depth) | index;

    private static UInt128 ListElement(UInt128 parent, int limitLog2, ulong index) => Field(parent << 1, limitLog2, index);
}
