using System.Collections;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>
/// A proof's witnesses, leaf level first, in one buffer: a slot's two million validator proofs would otherwise be a
/// hundred million small arrays.
/// </summary>
public sealed class WitnessList : IReadOnlyList<Hash32>
{
    private readonly byte[] _bytes;

    internal WitnessList(byte[] bytes)
    {
        _bytes = bytes;
    }

    /// <summary>The number of witnesses.</summary>
    public int Count => _bytes.Length / 32;

    /// <summary>All witnesses back to back, 32 bytes each.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The witness at <paramref name="index"/> (0 = the leaf's sibling).</summary>
    public Hash32 this[int index] => new(_bytes.AsSpan(index * 32, 32));

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
