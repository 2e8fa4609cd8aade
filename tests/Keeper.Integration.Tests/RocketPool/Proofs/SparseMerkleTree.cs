using System.Security.Cryptography;

namespace Keeper.Integration.Tests.RocketPool.Proofs;

/// <summary>
/// Test-only binary Merkle tree addressed by generalized index (1 is the root, node g has children 2g and 2g+1), SHA-256
/// as in SSZ. Only the nodes set are real: every subtree without a set node is a seeded random 32-byte value, so several
/// proofs from one tree (a validator, the slot, a withdrawal) share one root, as proofs of one beacon state do.
/// </summary>
public sealed class SparseMerkleTree(int seed)
{
    private readonly Dictionary<UInt128, byte[]> _set = [];
    private readonly Dictionary<UInt128, byte[]> _filler = [];
    private readonly Random _random = new(seed);

    /// <summary>The root.</summary>
    public byte[] Root => Node(1);

    /// <summary>Sets a node (a leaf, or a subtree root nothing below is set in).</summary>
    public void Set(UInt128 gindex, byte[] value)
    {
        if (value.Length != 32)
        {
            throw new ArgumentException($"A node is 32 bytes, not {value.Length}.", nameof(value));
        }

        _set[gindex] = value;
    }

    /// <summary>The siblings on the path from <paramref name="gindex"/> to the root, leaf side first (copies: a test may spoil one).</summary>
    public List<byte[]> Branch(UInt128 gindex)
    {
        var branch = new List<byte[]>();
        for (var g = gindex; g > 1; g >>= 1)
        {
            branch.Add((byte[])Node(g ^ 1).Clone());
        }

        return branch;
    }

    /// <summary>The root a leaf and its branch give at <paramref name="gindex"/> (the spec's is_valid_merkle_branch walk).</summary>
    public static byte[] RootOf(byte[] leaf, IReadOnlyList<byte[]> branch, UInt128 gindex)
    {
        var value = leaf;
        for (var i = 0; i < branch.Count; i++)
        {
            value = ((gindex >> i) & 1) == 1 ? Hash(branch[i], value) : Hash(value, branch[i]);
        }

        return value;
    }

    /// <summary>SHA-256 of two chunks.</summary>
    public static byte[] Hash(byte[] left, byte[] right) => SHA256.HashData([.. left, .. right]);

    private byte[] Node(UInt128 gindex)
    {
        if (_set.TryGetValue(gindex, out var value))
        {
            return value;
        }

        if (_set.Keys.Any(g => g > gindex && IsBelow(g, gindex)))
        {
            return Hash(Node(gindex * 2), Node((gindex * 2) + 1));
        }

        if (!_filler.TryGetValue(gindex, out var filler))
        {
            filler = new byte[32];
            _random.NextBytes(filler);
            _filler[gindex] = filler;
        }

        return filler;
    }

    private static bool IsBelow(UInt128 node, UInt128 ancestor)
    {
        var shift = Depth(node) - Depth(ancestor);
        return shift > 0 && node >> shift == ancestor;
    }

    private static int Depth(UInt128 gindex) => 127 - (int)UInt128.LeadingZeroCount(gindex);
}
