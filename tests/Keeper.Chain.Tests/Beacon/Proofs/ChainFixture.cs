using System.Buffers.Binary;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Tests.Beacon.Ssz;

namespace Keeper.Chain.Tests.Beacon.Proofs;

/// <summary>Seeded random states edited into a consistent chain: a slot, a fresh block header, blocks in block_roots and historical summaries.</summary>
internal static class ChainFixture
{
    public static byte[] State(BeaconFork fork, int validators, ulong slot, int seed, int historicalSummaries = 3)
    {
        var types = BeaconTypes.For(fork);
        var state = new SszRandom(seed, maxListLength: 3, new Dictionary<string, int>
        {
            ["validators"] = validators,
            ["balances"] = validators,
            ["previous_epoch_participation"] = validators,
            ["current_epoch_participation"] = validators,
            ["inactivity_scores"] = validators,
            ["historical_summaries"] = historicalSummaries,
        }).Next(types.BeaconState);
        SetUInt64(state, types.BeaconState.FieldSlice(state, "slot").Offset, slot);

        // The state of a slot with a block: the header is that block's, its state_root not yet filled in.
        var header = types.BeaconState.FieldSlice(state, "latest_block_header");
        SetUInt64(state, header.Offset, slot);
        state.AsSpan(header.Offset + types.BeaconBlockHeader.FieldSlice(state, "state_root").Offset, 32).Clear();
        return state;
    }

    public static byte[] Block(BeaconFork fork, ulong slot, int withdrawals, int seed)
    {
        var types = BeaconTypes.For(fork);
        var block = RandomStates.Block(fork, withdrawals, seed);
        var message = types.SignedBeaconBlock.FieldSlice(block, "message");
        SetUInt64(block, message.Offset + types.BeaconBlock.FieldSlice(block.AsSpan(message.Offset, message.Length), "slot").Offset, slot);
        return block;
    }

    public static void SetBlockRoot(byte[] state, BeaconFork fork, ulong slot, ReadOnlySpan<byte> root)
    {
        var roots = BeaconTypes.For(fork).BeaconState.FieldSlice(state, "block_roots");
        root.CopyTo(state.AsSpan(roots.Offset + (int)(slot % 8192 * 32), 32));
    }

    public static void SetHistoricalBlockSummary(byte[] state, BeaconFork fork, int index, ReadOnlySpan<byte> blockRootsRoot)
    {
        var summaries = BeaconTypes.For(fork).BeaconState.FieldSlice(state, "historical_summaries");
        blockRootsRoot.CopyTo(state.AsSpan(summaries.Offset + (index * 64), 32));
    }

    public static byte[] BlockMessage(byte[] signedBlock, BeaconFork fork) =>
        BeaconTypes.For(fork).SignedBeaconBlock.FieldSlice(signedBlock, "message").In(signedBlock).ToArray();

    private static void SetUInt64(byte[] bytes, int offset, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(offset), value);
}
