using Keeper.Chain.Beacon.Ssz;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>The consensus spec's is_valid_merkle_branch over a generalized index.</summary>
internal static class MerkleBranch
{
    /// <summary>
    /// Hashes <paramref name="leaf"/> up through the witnesses (leaf level first), turning by the bits of
    /// <paramref name="gindex"/> from its lowest, and writes the node reached.
    /// </summary>
    public static void Climb(ReadOnlySpan<byte> leaf, ReadOnlySpan<byte> witnesses, UInt128 gindex, Span<byte> node)
    {
        Span<byte> block = stackalloc byte[64];
        leaf[..32].CopyTo(node);
        for (var i = 0; i < witnesses.Length / 32; i++)
        {
            var witness = witnesses.Slice(i * 32, 32);
            if (((gindex >> i) & UInt128.One) == UInt128.One)
            {
                witness.CopyTo(block);
                node[..32].CopyTo(block[32..]);
            }
            else
            {
                node[..32].CopyTo(block);
                witness.CopyTo(block[32..]);
            }

            Sha256.Hash64(block, node);
        }
    }

    /// <summary>True when the branch leads from the leaf to the root and has exactly the index's depth of witnesses.</summary>
    public static bool IsValid(ReadOnlySpan<byte> leaf, ReadOnlySpan<byte> witnesses, UInt128 gindex, ReadOnlySpan<byte> root)
    {
        if (witnesses.Length / 32 != BeaconGindices.Depth(gindex) || witnesses.Length % 32 != 0)
        {
            return false;
        }

        Span<byte> node = stackalloc byte[32];
        Climb(leaf, witnesses, gindex, node);
        return node.SequenceEqual(root);
    }
}
