namespace Keeper.Chain.Beacon.Ssz;

/// <summary>uint8, uint16, uint32, uint64 or uint256: little-endian, fixed size.</summary>
public sealed class SszUintType : SszType
{
    /// <summary>Creates uintN.</summary>
    /// <param name="bits">8, 16, 32, 64, 128 or 256.</param>
    public SszUintType(int bits)
    {
        if (bits is not (8 or 16 or 32 or 64 or 128 or 256))
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "SSZ unsigned integers are 8, 16, 32, 64, 128 or 256 bits.");
        }

        Bits = bits;
    }

    /// <summary>The width in bits.</summary>
    public int Bits { get; }

    /// <inheritdoc />
    public override string Name => $"uint{Bits}";

    /// <inheritdoc />
    public override bool IsFixedSize => true;

    /// <inheritdoc />
    public override int FixedSize => Bits / 8;

    internal override bool IsBasic => true;

    internal override bool HasInvariants => false;

    /// <inheritdoc />
    public override byte[] DefaultValue() => new byte[FixedSize];

    internal override void ValidateCore(ReadOnlySpan<byte> serialized) => RequireLength(serialized);

    internal override void WriteRoot(ReadOnlySpan<byte> serialized, Span<byte> root)
    {
        root[..32].Clear();
        serialized.CopyTo(root);
    }
}
