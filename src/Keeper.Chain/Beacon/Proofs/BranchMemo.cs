using Keeper.Chain.Beacon.Ssz;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>
/// is_valid_merkle_branch for a run of leaves of one tree, remembering the last branch checked: once a climb reaches a
/// node (level, position) the previous climb reached with the same value, and the witnesses from there up are the
/// previous ones, the rest of the climb is known to end at the same verified node. In index order, neighbours share
/// all but their lowest levels, so checking a whole registry costs about one hash per leaf instead of one per level.
/// </summary>
internal sealed class BranchMemo
{
    private readonly int _levels;
    private readonly byte[] _nodes;
    private readonly long[] _positions;
    private byte[]? _lastWitnesses;

    /// <param name="levels">How many levels each climb covers (up to the tree's shared level).</param>
    public BranchMemo(int levels)
    {
        _levels = levels;
        _nodes = new byte[levels * 32];
        _positions = new long[levels];
        Array.Fill(_positions, -1L);
    }

    /// <summary>
    /// Climbs from <paramref name="leaf"/> at <paramref name="index"/> through the first levels of
    /// <paramref name="witnesses"/> and says whether it reaches <paramref name="top"/>.
    /// </summary>
    public bool Reaches(ReadOnlySpan<byte> leaf, byte[] witnesses, long index, ReadOnlySpan<byte> top)
    {
        Span<byte> node = stackalloc byte[32];
        Span<byte> block = stackalloc byte[64];
        leaf.CopyTo(node);
        for (var level = 0; level < _levels; level++)
        {
            var position = index >> level;
            var seen = _nodes.AsSpan(level * 32, 32);
            if (_positions[level] == position && seen.SequenceEqual(node) && _lastWitnesses is not null
                && witnesses.AsSpan(level * 32, (_levels - level) * 32).SequenceEqual(_lastWitnesses.AsSpan(level * 32, (_levels - level) * 32)))
            {
                Remember(witnesses);
                return true;
            }

            _positions[level] = position;
            node.CopyTo(seen);
            var witness = witnesses.AsSpan(level * 32, 32);
            if ((position & 1) == 1)
            {
                witness.CopyTo(block);
                node.CopyTo(block[32..]);
            }
            else
            {
                node.CopyTo(block);
                witness.CopyTo(block[32..]);
            }

            Sha256.Hash64(block, node);
        }

        if (!node.SequenceEqual(top))
        {
            // What was remembered on the way up is not verified: forget it.
            Array.Fill(_positions, -1L);
            _lastWitnesses = null;
            return false;
        }

        Remember(witnesses);
        return true;
    }

    private void Remember(byte[] witnesses) => _lastWitnesses = witnesses;
}
