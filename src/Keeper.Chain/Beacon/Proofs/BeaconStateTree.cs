using System.Buffers.Binary;
using Keeper.Chain.Beacon.Ssz;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>
/// The Merkle tree of one slot's beacon state, built once from its SSZ bytes, serving every proof of that slot: the
/// state's field roots, the validator registry's layers (hashed on every core), block_roots and historical_summaries,
/// and the block header that commits to the state. Immutable after <see cref="Build"/>; safe to share across threads.
/// </summary>
/// <remarks>
/// The state comes from <c>/eth/v2/debug/beacon/states/{slot}</c> as <c>application/octet-stream</c>, its fork from the
/// answer's <c>Eth-Consensus-Version</c> header. Proofs lead to the root of the block at that slot; EIP-4788 holds that
/// root under the timestamp of the next block (genesis_time + child slot × seconds per slot), the <c>slotTimestamp</c>
/// the verifier's calls take.
/// </remarks>
public sealed partial class BeaconStateTree
{
    private readonly ReadOnlyMemory<byte> _state;
    private readonly BeaconTypes _types;
    private readonly MerkleLayers _stateFields;
    private readonly MerkleLayers _header;
    private readonly MerkleLayers _validators;
    private readonly MerkleLayers _blockRoots;
    private readonly MerkleLayers _historicalSummaries;
    private readonly SszSlice _validatorsSlice;
    private readonly byte[] _validatorsSharedTail;

    private BeaconStateTree(ReadOnlyMemory<byte> state, BeaconTypes types, MerkleLayers stateFields, MerkleLayers header, MerkleLayers validators,
        MerkleLayers blockRoots, MerkleLayers historicalSummaries, SszSlice validatorsSlice)
    {
        _state = state;
        _types = types;
        _stateFields = stateFields;
        _header = header;
        _validators = validators;
        _blockRoots = blockRoots;
        _historicalSummaries = historicalSummaries;
        _validatorsSlice = validatorsSlice;
        var span = state.Span;
        Slot = ReadUInt64(span, types.BeaconState.FieldSlice(span, "slot"));
        GenesisTime = ReadUInt64(span, types.BeaconState.FieldSlice(span, "genesis_time"));
        StateRoot = new Hash32(stateFields.Root);
        BlockRoot = new Hash32(header.Root);
        _validatorsSharedTail = BuildValidatorsSharedTail();
    }

    /// <summary>The fork of the state's layout.</summary>
    public BeaconFork Fork => _types.BeaconFork;

    /// <summary>The state's slot.</summary>
    public ulong Slot { get; }

    /// <summary>The chain's genesis time (Unix seconds).</summary>
    public ulong GenesisTime { get; }

    /// <summary>The state's hash_tree_root.</summary>
    public Hash32 StateRoot { get; }

    /// <summary>The root of the block at <see cref="Slot"/>: every proof leads here.</summary>
    public Hash32 BlockRoot { get; }

    /// <summary>The number of validators in the registry.</summary>
    public int ValidatorCount => _validators.LeafCount;

    /// <summary>
    /// Builds the tree. The state must be one of a slot with a block (its latest_block_header's state_root still zero),
    /// unless <paramref name="blockHeader"/> (a serialized BeaconBlockHeader whose state_root is this state's root) is given.
    /// </summary>
    /// <param name="state">The serialized BeaconState; kept (not copied) to decode validators.</param>
    /// <param name="fork">The state's fork.</param>
    /// <param name="blockHeader">The block header that commits to the state, or empty to take the state's own.</param>
    /// <exception cref="SszException">The state or header bytes are malformed.</exception>
    /// <exception cref="BeaconProofException">The header does not commit to this state.</exception>
    public static BeaconStateTree Build(ReadOnlyMemory<byte> state, BeaconFork fork, ReadOnlyMemory<byte> blockHeader = default)
    {
        var types = BeaconTypes.For(fork);
        var stateType = types.BeaconState;
        stateType.Validate(state.Span);

        var validatorsSlice = stateType.FieldSlice(state.Span, "validators");
        var validators = MerkleLayers.Build(ValidatorLeaves(state.Slice(validatorsSlice.Offset, validatorsSlice.Length), types.Validator), BeaconGindices.ValidatorsDepth);
        var blockRoots = MerkleLayers.Build(stateType.FieldSlice(state.Span, "block_roots").In(state.Span).ToArray(), BeaconGindices.BlockRootsDepth);
        var summaries = MerkleLayers.Build(ElementRoots(state.Span, stateType, "historical_summaries", types.HistoricalSummary), BeaconGindices.HistoricalSummariesDepth);

        var fieldRoots = new byte[stateType.Fields.Count * 32];
        for (var i = 0; i < stateType.Fields.Count; i++)
        {
            var name = stateType.Fields[i].Name;
            var root = fieldRoots.AsSpan(i * 32, 32);
            switch (name)
            {
                case "validators":
                    ListRoot(validators, root);
                    break;
                case "block_roots":
                    blockRoots.Root.CopyTo(root);
                    break;
                case "historical_summaries":
                    ListRoot(summaries, root);
                    break;
                default:
                    stateType.Fields[i].Type.WriteRoot(stateType.FieldSlice(state.Span, i).In(state.Span), root);
                    break;
            }
        }

        var stateFields = MerkleLayers.Build(fieldRoots, BeaconGindices.StateDepth);
        var header = HeaderLayers(types, state.Span, stateFields.Root, blockHeader.Span);
        return new BeaconStateTree(state, types, stateFields, header, validators, blockRoots, summaries, validatorsSlice);
    }

    /// <summary>The proof of the state's slot, whose second witness pins genesis_time and genesis_validators_root.</summary>
    public SlotProof ProveSlot()
    {
        var witnesses = new byte[(BeaconGindices.StateDepth + BeaconGindices.HeaderDepth) * 32];
        _stateFields.WriteBranch(_types.BeaconState.IndexOf("slot"), witnesses);
        _header.WriteBranch(3, witnesses.AsSpan(BeaconGindices.StateDepth * 32));
        var leaf = _stateFields.Node(0, _types.BeaconState.IndexOf("slot"));
        Check(leaf, witnesses, BeaconGindices.Slot, "slot");
        return new SlotProof(Slot, new WitnessList(witnesses), BlockRoot);
    }

    private void Check(ReadOnlySpan<byte> leaf, ReadOnlySpan<byte> witnesses, UInt128 gindex, string what)
    {
        if (!MerkleBranch.IsValid(leaf, witnesses, gindex, BlockRoot.Bytes))
        {
            throw new BeaconProofException($"The {what} proof built for slot {Slot} does not verify against block root {BlockRoot}; this is a bug in Keeper's proof assembly.");
        }
    }

    private static MerkleLayers HeaderLayers(BeaconTypes types, ReadOnlySpan<byte> state, ReadOnlySpan<byte> stateRoot, ReadOnlySpan<byte> given)
    {
        var headerType = types.BeaconBlockHeader;
        byte[] header;
        if (given.IsEmpty)
        {
            header = types.BeaconState.FieldSlice(state, "latest_block_header").In(state).ToArray();
            var stateRootSlice = headerType.FieldSlice(header, "state_root");
            var recorded = stateRootSlice.In(header);
            if (recorded.IndexOfAnyExcept((byte)0) >= 0 && !recorded.SequenceEqual(stateRoot))
            {
                var slot = BinaryPrimitives.ReadUInt64LittleEndian(headerType.FieldSlice(header, "slot").In(header));
                throw new BeaconProofException(
                    $"The state has no block of its own: its latest block header is of slot {slot} and commits to another state. " +
                    "Prove from the state of a slot that has a block, or pass the header of the block that commits to this state.");
            }

            // A block's header enters the state with a zero state_root, filled in only at the next slot.
            stateRoot.CopyTo(header.AsSpan(stateRootSlice.Offset, 32));
        }
        else
        {
            headerType.Validate(given);
            header = given.ToArray();
            if (!headerType.FieldSlice(header, "state_root").In(header).SequenceEqual(stateRoot))
            {
                throw new BeaconProofException(
                    $"The block header given commits to state root {new Hash32(headerType.FieldSlice(header, "state_root").In(header))}, not to this state ({new Hash32(stateRoot)}); pass the header of the block at the state's slot.");
            }
        }

        var leaves = new byte[headerType.Fields.Count * 32];
        headerType.WriteFieldRoots(header, leaves);
        return MerkleLayers.Build(leaves, BeaconGindices.HeaderDepth);
    }

    private static byte[] ElementRoots(ReadOnlySpan<byte> state, SszContainerType stateType, string field, SszContainerType elementType)
    {
        var bytes = stateType.FieldSlice(state, field).In(state);
        var count = bytes.Length / elementType.FixedSize;
        var roots = new byte[count * 32];
        for (var i = 0; i < count; i++)
        {
            elementType.WriteRoot(bytes.Slice(i * elementType.FixedSize, elementType.FixedSize), roots.AsSpan(i * 32, 32));
        }

        return roots;
    }

    private static void ListRoot(MerkleLayers list, Span<byte> root)
    {
        list.Root.CopyTo(root);
        Merkle.MixInLength(root, (ulong)list.LeafCount);
    }

    private static void LengthChunk(int count, Span<byte> chunk)
    {
        chunk[..32].Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(chunk, (ulong)count);
    }

    private static ulong ReadUInt64(ReadOnlySpan<byte> bytes, SszSlice slice) => BinaryPrimitives.ReadUInt64LittleEndian(slice.In(bytes));
}
