namespace Keeper.Chain.Beacon.Ssz;

/// <summary>ByteList[N]: up to N bytes (extra_data, a transaction).</summary>
public sealed class SszByteListType : SszType
{
    private readonly int _depth;

    /// <summary>Creates ByteList[<paramref name="limit"/>].</summary>
    public SszByteListType(long limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        Limit = limit;
        _depth = Merkle.Depth((ulong)(limit + 31) / 32);
    }

    /// <summary>The most bytes a value may hold.</summary>
    public long Limit { get; }

    /// <inheritdoc />
    public override string Name => $"ByteList[{Limit}]";

    /// <inheritdoc />
    public override bool IsFixedSize => false;

    /// <inheritdoc />
    public override int FixedSize => 0;

    /// <inheritdoc />
    public override byte[] DefaultValue() => [];

    internal override void ValidateCore(ReadOnlySpan<byte> serialized)
    {
        if (serialized.Length > Limit)
        {
            throw new SszException("", $"a {Name} holds at most {Limit} bytes; got {serialized.Length}");
        }
    }

    internal override void WriteRoot(ReadOnlySpan<byte> serialized, Span<byte> root)
    {
        Merkle.Root(serialized, _depth, root);
        Merkle.MixInLength(root, (ulong)serialized.Length);
    }
}
