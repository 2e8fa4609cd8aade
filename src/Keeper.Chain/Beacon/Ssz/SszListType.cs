namespace Keeper.Chain.Beacon.Ssz;

/// <summary>List[T, N]: up to N elements; the root mixes in the length.</summary>
public sealed class SszListType : SszSequenceType
{
    /// <summary>Creates List[<paramref name="elementType"/>, <paramref name="limit"/>].</summary>
    public SszListType(SszType elementType, long limit)
        : base(elementType)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        Limit = limit;
    }

    /// <summary>The most elements a value may hold.</summary>
    public long Limit { get; }

    /// <inheritdoc />
    public override long Capacity => Limit;

    /// <inheritdoc />
    public override string Name => $"List[{ElementType.Name}, {Limit}]";

    /// <inheritdoc />
    public override bool IsFixedSize => false;

    /// <inheritdoc />
    public override int FixedSize => 0;

    /// <inheritdoc />
    public override byte[] DefaultValue() => [];

    internal override void CheckCount(long count)
    {
        if (count > Limit)
        {
            throw new SszException("", $"a {Name} holds at most {Limit} elements; got {count}");
        }
    }

    internal override void ValidateCore(ReadOnlySpan<byte> serialized) => ValidateElements(serialized);

    internal override void WriteRoot(ReadOnlySpan<byte> serialized, Span<byte> root)
    {
        WriteElementsRoot(serialized, Limit, root);
        Merkle.MixInLength(root, (ulong)Count(serialized));
    }
}
