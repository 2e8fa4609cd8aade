using System.Collections;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>
/// A proof's witnesses, leaf level first: the proof's own lowest witnesses, then a tail that many proofs of one slot
/// share (for a validator, the registry's zero-subtree levels and everything above the registry). Two million
/// validator proofs would otherwise be a hundred million small arrays, or gigabytes of the same upper witnesses.
/// </summary>
public sealed class WitnessList : IReadOnlyList<Hash32>
{
    private readonly byte[] _own;
    private readonly byte[] _sharedTail;

    internal WitnessList(byte[] own, byte[]? sharedTail = null)
    {
        _own = own;
        _sharedTail = sharedTail ?? [];
    }

    /// <summary>The number of witnesses.</summary>
    public int Count => (_own.Length + _sharedTail.Length) / 32;

    /// <summary>The witness at <paramref name="index"/> (0 = the leaf's sibling).</summary>
    public Hash32 this[int index] =>
        index * 32 < _own.Length ? new Hash32(_own.AsSpan(index * 32, 32)) : new Hash32(_sharedTail.AsSpan((index * 32) - _own.Length, 32));

    /// <summary>The first byte of witness <paramref name="index"/>, without copying the witness.</summary>
    public byte FirstByteOf(int index) => index * 32 < _own.Length ? _own[index * 32] : _sharedTail[(index * 32) - _own.Length];

    /// <summary>All witnesses back to back, 32 bytes each, in a new array.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[_own.Length + _sharedTail.Length];
        _own.CopyTo(bytes, 0);
        _sharedTail.CopyTo(bytes, _own.Length);
        return bytes;
    }

    /// <inheritdoc />
    public IEnumerator<Hash32> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
