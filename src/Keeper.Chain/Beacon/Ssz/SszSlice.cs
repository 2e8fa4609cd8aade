namespace Keeper.Chain.Beacon.Ssz;

/// <summary>Where a field or element lies inside its parent's serialized bytes.</summary>
/// <param name="Offset">The first byte, from the start of the parent.</param>
/// <param name="Length">The number of bytes.</param>
public readonly record struct SszSlice(int Offset, int Length)
{
    /// <summary>The slice's bytes inside <paramref name="parent"/>.</summary>
    public ReadOnlySpan<byte> In(ReadOnlySpan<byte> parent) => parent.Slice(Offset, Length);

    /// <summary>The slice's bytes inside <paramref name="parent"/>, as memory.</summary>
    public ReadOnlyMemory<byte> In(ReadOnlyMemory<byte> parent) => parent.Slice(Offset, Length);
}
