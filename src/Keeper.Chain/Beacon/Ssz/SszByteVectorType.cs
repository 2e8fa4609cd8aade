namespace Keeper.Chain.Beacon.Ssz;

/// <summary>ByteVector[N] (Bytes4, Bytes20, Bytes32, Bytes48, Bytes96, ...): N bytes, packed into chunks.</summary>
public sealed class SszByteVectorType : SszType
{
    private readonly int _depth;

    /// <summary>Creates ByteVector[<paramref name="length"/>].</summary>
    public SszByteVectorType(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Length = length;
        _depth = Merkle.Depth((ulong)(length + 31) / 32);
    }

    /// <summary>The number of bytes.</summary>
    public int Length { get; }

    /// <inheritdoc />
    public override string Name => $"Bytes{Length}";

    /// <inheritdoc />
    public override bool IsFixedSize => true;

    /// <inheritdoc />
    public override int FixedSize => Length;

    internal override bool HasInvariants => false;

    /// <inheritdoc />
    public override byte[] DefaultValue() => new byte[Length];

    internal override void ValidateCore(ReadOnlySpan<byte> serialized) => RequireLength(serialized);

    internal override void WriteRoot(ReadOnlySpan<byte> serialized, Span<byte> root)
    {
        if (Length == 32)
        {
            serialized.CopyTo(root);
            return;
        }

        Merkle.Root(serialized, _depth, root);
    }
}
