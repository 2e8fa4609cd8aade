using Keeper.Chain.Beacon.Ssz;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>
/// Every layer of a Merkle tree over given leaves, padded with zero subtrees to a fixed depth, kept so that any leaf's
/// branch is a lookup. Layers hold only real nodes (the padding comes from the zero-hash ladder), so a tree of
/// 2,000,000 leaves under a limit of 2^40 takes about twice the leaves' bytes.
/// </summary>
internal sealed class MerkleLayers
{
    private readonly byte[][] _layers;
    private readonly int[] _counts;

    private MerkleLayers(byte[][] layers, int[] counts)
    {
        _layers = layers;
        _counts = counts;
        SharedLevel = Array.FindIndex(counts, count => count <= 1);
    }

    /// <summary>The depth: how many witnesses a branch has.</summary>
    public int Depth => _layers.Length - 1;

    /// <summary>The number of leaves.</summary>
    public int LeafCount => _counts[0];

    /// <summary>The root (before any length mix-in).</summary>
    public ReadOnlySpan<byte> Root => _counts[^1] == 0 ? ZeroHashes.Get(Depth) : _layers[^1].AsSpan(0, 32);

    /// <summary>
    /// The lowest level that holds at most one node: every leaf's branch from there up is the same. 0 for one leaf or none.
    /// </summary>
    public int SharedLevel { get; }

    /// <summary>Builds the layers over <paramref name="leaves"/> (32 bytes each, taken over, not copied).</summary>
    public static MerkleLayers Build(byte[] leaves, int depth)
    {
        var layers = new byte[depth + 1][];
        var counts = new int[depth + 1];
        layers[0] = leaves;
        counts[0] = leaves.Length / 32;
        for (var level = 0; level < depth; level++)
        {
            var count = counts[level];
            var next = (count + 1) / 2;
            layers[level + 1] = new byte[next * 32];
            counts[level + 1] = next;
            if (count > 0)
            {
                Merkle.HashLayer(layers[level], count, level, layers[level + 1]);
            }
        }

        return new MerkleLayers(layers, counts);
    }

    /// <summary>The node at <paramref name="level"/> (0 = leaves) and <paramref name="index"/>, zero-subtree roots past the real ones.</summary>
    public ReadOnlySpan<byte> Node(int level, long index) =>
        index < _counts[level] ? _layers[level].AsSpan((int)index * 32, 32) : ZeroHashes.Get(level);

    /// <summary>Writes the branch of leaf <paramref name="index"/>, <see cref="Depth"/> witnesses from the leaf's sibling up.</summary>
    public void WriteBranch(long index, Span<byte> witnesses) => WriteBranch(index, witnesses, Depth);

    /// <summary>Writes the lowest <paramref name="levels"/> witnesses of leaf <paramref name="index"/>'s branch.</summary>
    public void WriteBranch(long index, Span<byte> witnesses, int levels)
    {
        for (var level = 0; level < levels; level++)
        {
            Node(level, index ^ 1).CopyTo(witnesses.Slice(level * 32, 32));
            index >>= 1;
        }
    }
}
