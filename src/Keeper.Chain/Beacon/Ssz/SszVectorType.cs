namespace Keeper.Chain.Beacon.Ssz;

/// <summary>Vector[T, N]: exactly N elements.</summary>
public sealed class SszVectorType : SszSequenceType
{
    /// <summary>Creates Vector[<paramref name="elementType"/>, <paramref name="length"/>].</summary>
    public SszVectorType(SszType elementType, int length)
        : base(elementType)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Length = length;
    }

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <inheritdoc />
    public override long Capacity => Length;

    /// <inheritdoc />
    public override string Name => $"Vector[{ElementType.Name}, {Length}]";

    /// <inheritdoc />
    public override bool IsFixedSize => ElementType.IsFixedSize;

    /// <inheritdoc />
    public override int FixedSize => IsFixedSize ? ElementType.FixedSize * Length : 0;

    internal override bool HasInvariants => ElementType.HasInvariants || !ElementType.IsFixedSize;

    /// <inheritdoc />
    public override byte[] DefaultValue()
    {
        if (IsFixedSize && !ElementType.HasInvariants)
        {
            return new byte[FixedSize];
        }

        var element = ElementType.DefaultValue();
        return Concatenate(ElementType, Enumerable.Repeat(element, Length).ToArray());
    }

    internal override void CheckCount(long count)
    {
        if (count != Length)
        {
            throw new SszException("", $"a {Name} has exactly {Length} elements; got {count}");
        }
    }

    internal override void ValidateCore(ReadOnlySpan<byte> serialized)
    {
        if (IsFixedSize)
        {
            RequireLength(serialized);
        }

        ValidateElements(serialized);
    }

    internal override void WriteRoot(ReadOnlySpan<byte> serialized, Span<byte> root) => WriteElementsRoot(serialized, Length, root);
}
