using System.Security.Cryptography;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.Beacon;

/// <summary>
/// The produced blocks of the devnet beacon chain in slot order, and what a state at any slot derives from them: the
/// <c>block_roots</c> and <c>state_roots</c> vectors and the <c>historical_summaries</c>. A slot without a block repeats
/// the root of the last block before it, as the spec's <c>process_slot</c> does, so a jump of days is a long run of one
/// root. Not thread-safe: <see cref="DevBeaconChain"/> guards it.
/// </summary>
/// <remarks>
/// <c>state_roots</c> entries of empty slots repeat the last block's state root. The spec would store the root of the
/// state advanced to each empty slot, which would take one full state hash per empty slot (hundreds of thousands after a
/// jump of weeks); no proof Keeper builds goes through <c>state_roots</c>.
/// </remarks>
public sealed class DevBeaconHistory
{
    /// <summary>The spec's <c>SLOTS_PER_HISTORICAL_ROOT</c>: the length of <c>block_roots</c> and <c>state_roots</c>.</summary>
    public const int SlotsPerHistoricalRoot = 8192;

    private readonly List<DevBeaconBlock> _blocks = [];
    private readonly List<(Hash32 BlockSummaryRoot, Hash32 StateSummaryRoot)> _summaries = [];
    private readonly Func<byte[], Hash32> _hashRootsVector;

    /// <summary>Creates a history that starts with <paramref name="genesis"/> (slot 0).</summary>
    /// <param name="genesis">The genesis block.</param>
    /// <param name="hashRootsVector">hash_tree_root of a serialized <c>Vector[Root, 8192]</c>.</param>
    public DevBeaconHistory(DevBeaconBlock genesis, Func<byte[], Hash32> hashRootsVector)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        if (genesis.Slot != 0)
        {
            throw new ArgumentException($"The genesis block is at slot 0, not {genesis.Slot}.", nameof(genesis));
        }

        _blocks.Add(genesis);
        _hashRootsVector = hashRootsVector;
    }

    /// <summary>The newest block.</summary>
    public DevBeaconBlock Head => _blocks[^1];

    /// <summary>The blocks, oldest first.</summary>
    public IReadOnlyList<DevBeaconBlock> Blocks => _blocks;

    /// <summary>How many historical summaries have been computed so far (they are computed when a state needs them).</summary>
    public int SummariesComputed => _summaries.Count;

    /// <summary>Appends a block after the head.</summary>
    /// <exception cref="ArgumentException">Its slot is not after the head's, or its parent is not the head.</exception>
    public void Add(DevBeaconBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Slot <= Head.Slot)
        {
            throw new ArgumentException($"A block at slot {block.Slot} cannot follow the head at slot {Head.Slot}.", nameof(block));
        }

        if (block.ParentRoot != Head.Root)
        {
            throw new ArgumentException($"The block at slot {block.Slot} has parent {block.ParentRoot}, not the head {Head.Root}.", nameof(block));
        }

        _blocks.Add(block);
    }

    /// <summary>The newest block at or before <paramref name="slot"/> (the genesis block at least).</summary>
    public DevBeaconBlock AtOrBefore(ulong slot) => _blocks[IndexAtOrBefore(slot)];

    /// <summary>The block at exactly <paramref name="slot"/>, or null for an empty slot.</summary>
    public DevBeaconBlock? At(ulong slot) => AtOrBefore(slot) is { } block && block.Slot == slot ? block : null;

    /// <summary>The block with root <paramref name="root"/>, or null.</summary>
    public DevBeaconBlock? WithRoot(Hash32 root) => _blocks.FirstOrDefault(b => b.Root == root);

    /// <summary>
    /// The serialized <c>block_roots</c> of the state at <paramref name="stateSlot"/>: entry <c>s % 8192</c> holds the
    /// root of the newest block at or before slot <c>s</c>, for the 8192 slots before <paramref name="stateSlot"/>;
    /// entries for slots before genesis stay zero.
    /// </summary>
    public byte[] BlockRoots(ulong stateSlot) => Roots(stateSlot, static b => b.Root);

    /// <summary>The serialized <c>state_roots</c> of the state at <paramref name="stateSlot"/> (see the remarks on empty slots).</summary>
    public byte[] StateRoots(ulong stateSlot) => Roots(stateSlot, static b => b.StateRoot);

    /// <summary>
    /// The <c>historical_summaries</c> of the state at <paramref name="stateSlot"/>: one per 8192-slot period that ended
    /// at or before it (Capella is active from genesis), each the roots of that period's <c>block_roots</c> and
    /// <c>state_roots</c>. Periods are hashed once, when first needed, so no block may be added before
    /// <paramref name="stateSlot"/> afterwards: ask for states at or before the head, or for the state of the block
    /// about to be added at <paramref name="stateSlot"/>.
    /// </summary>
    public IReadOnlyList<(Hash32 BlockSummaryRoot, Hash32 StateSummaryRoot)> Summaries(ulong stateSlot)
    {
        var count = (int)(stateSlot / SlotsPerHistoricalRoot);
        while (_summaries.Count < count)
        {
            var end = (ulong)(_summaries.Count + 1) * SlotsPerHistoricalRoot;
            _summaries.Add((PeriodRoot(end, static b => b.Root), PeriodRoot(end, static b => b.StateRoot)));
        }

        return _summaries.GetRange(0, count);
    }

    /// <summary>hash_tree_root of a <c>Vector[Root, 8192]</c> whose every entry is <paramref name="root"/>: one hash per level.</summary>
    public static Hash32 UniformVectorRoot(Hash32 root)
    {
        Span<byte> pair = stackalloc byte[64];
        root.Bytes.CopyTo(pair);
        for (var width = 1; width < SlotsPerHistoricalRoot; width *= 2)
        {
            pair[..32].CopyTo(pair[32..]);
            SHA256.HashData(pair, pair[..32]);
        }

        return new Hash32(pair[..32]);
    }

    // The vector of a period that ends at `end`: all one block (a gap) takes the fast path.
    private Hash32 PeriodRoot(ulong end, Func<DevBeaconBlock, Hash32> pick)
    {
        var first = AtOrBefore(end - SlotsPerHistoricalRoot);
        return ReferenceEquals(first, AtOrBefore(end - 1)) ? UniformVectorRoot(pick(first)) : _hashRootsVector(Roots(end, pick));
    }

    private byte[] Roots(ulong stateSlot, Func<DevBeaconBlock, Hash32> pick)
    {
        var roots = new byte[SlotsPerHistoricalRoot * 32];
        var from = stateSlot > SlotsPerHistoricalRoot ? stateSlot - SlotsPerHistoricalRoot : 0;
        var index = IndexAtOrBefore(from);
        for (var slot = from; slot < stateSlot; slot++)
        {
            while (index + 1 < _blocks.Count && _blocks[index + 1].Slot <= slot)
            {
                index++;
            }

            pick(_blocks[index]).Bytes.CopyTo(roots.AsSpan((int)(slot % SlotsPerHistoricalRoot) * 32));
        }

        return roots;
    }

    private int IndexAtOrBefore(ulong slot)
    {
        int low = 0, high = _blocks.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_blocks[middle].Slot <= slot)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
