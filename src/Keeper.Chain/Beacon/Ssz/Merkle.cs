namespace Keeper.Chain.Beacon.Ssz;

/// <summary>Merkleization over packed 32-byte chunks, with zero-subtree padding up to a limit.</summary>
internal static class Merkle
{
    // Layers at least this many pairs wide are hashed on every core.
    private const int ParallelPairs = 1 << 14;

    /// <summary>The tree depth for <paramref name="limitChunks"/> leaves: ceil(log2(limit)), 0 for 0 or 1.</summary>
    public static int Depth(ulong limitChunks) => limitChunks <= 1 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(limitChunks - 1);

    /// <summary>
    /// Writes the root of <paramref name="chunks"/> (a multiple of 32 bytes) padded with zero chunks to depth
    /// <paramref name="depth"/>. The chunk buffer is overwritten (layers are hashed in place).
    /// </summary>
    public static void RootInPlace(Span<byte> chunks, int depth, Span<byte> root)
    {
        var count = chunks.Length / 32;
        if (count == 0)
        {
            ZeroHashes.Get(depth).CopyTo(root);
            return;
        }

        for (var level = 0; level < depth; level++)
        {
            count = HashLayerInPlace(chunks, count, level);
        }

        chunks[..32].CopyTo(root);
    }

    /// <summary>The root of chunks given read-only: copies them first.</summary>
    public static void Root(ReadOnlySpan<byte> chunks, int depth, Span<byte> root)
    {
        var padded = (chunks.Length + 31) / 32 * 32;
        if (padded <= 2048)
        {
            Span<byte> scratch = stackalloc byte[padded];
            scratch.Clear();
            chunks.CopyTo(scratch);
            RootInPlace(scratch, depth, root);
            return;
        }

        var buffer = new byte[padded];
        chunks.CopyTo(buffer);
        RootInPlace(buffer, depth, root);
    }

    /// <summary>Hashes one layer of <paramref name="count"/> nodes into the first half of the buffer; returns the new count.</summary>
    public static int HashLayerInPlace(Span<byte> nodes, int count, int level)
    {
        var pairs = count / 2;
        for (var i = 0; i < pairs; i++)
        {
            Sha256.Hash64(nodes.Slice(i * 64, 64), nodes.Slice(i * 32, 32));
        }

        if ((count & 1) == 1)
        {
            Sha256.HashPair(nodes.Slice((count - 1) * 32, 32), ZeroHashes.Get(level), nodes.Slice(pairs * 32, 32));
            return pairs + 1;
        }

        return pairs;
    }

    /// <summary>
    /// Hashes one layer of <paramref name="count"/> nodes from <paramref name="source"/> into <paramref name="target"/>
    /// (ceil(count/2) nodes), on every core when the layer is wide.
    /// </summary>
    public static void HashLayer(byte[] source, int count, int level, byte[] target)
    {
        var pairs = count / 2;
        if (pairs >= ParallelPairs)
        {
            var parts = Environment.ProcessorCount * 4;
            var perPart = (pairs + parts - 1) / parts;
            Parallel.For(0, parts, part =>
            {
                var end = Math.Min(pairs, (part + 1) * perPart);
                for (var i = part * perPart; i < end; i++)
                {
                    Sha256.Hash64(source.AsSpan(i * 64, 64), target.AsSpan(i * 32, 32));
                }
            });
        }
        else
        {
            for (var i = 0; i < pairs; i++)
            {
                Sha256.Hash64(source.AsSpan(i * 64, 64), target.AsSpan(i * 32, 32));
            }
        }

        if ((count & 1) == 1)
        {
            Sha256.HashPair(source.AsSpan((count - 1) * 32, 32), ZeroHashes.Get(level), target.AsSpan(pairs * 32, 32));
        }
    }

    /// <summary>Writes sha256(root ++ le256(length)): a list's root.</summary>
    public static void MixInLength(Span<byte> root, ulong length)
    {
        Span<byte> block = stackalloc byte[64];
        block.Clear();
        root[..32].CopyTo(block);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(block[32..], length);
        Sha256.Hash64(block, root);
    }
}
