namespace Keeper.Chain.Beacon.Ssz;

/// <summary>Bitvector[N]: N bits, least significant bit first, unused high bits of the last byte zero.</summary>
public sealed class SszBitvectorType : SszType
{
    private readonly int _depth;

    /// <summary>Creates Bitvector[<paramref name="bits"/>].</summary>
    public SszBitvectorType(int bits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bits);
        Bits = bits;
        _depth = Merkle.Depth((ulong)(bits + 255) / 256);
    }

    /// <summary>The number of bits.</summary>
    public int Bits { get; }

    /// <inheritdoc />
    public override string Name => $"Bitvector[{Bits}]";

    /// <inheritdoc />
    public override bool IsFixedSize => true;

    /// <inheritdoc />
    public override int FixedSize => (Bits + 7) / 8;

    internal override bool HasInvariants => Bits % 8 != 0;

    /// <inheritdoc />
    public override byte[] DefaultValue() => new byte[FixedSize];

    internal override void ValidateCore(ReadOnlySpan<byte> serialized)
    {
        RequireLength(serialized);
        var used = Bits % 8;
        if (used != 0 && serialized[^1] >> used != 0)
        {
            throw new SszException("", $"a {Name} has bits set past bit {Bits - 1} (last byte 0x{serialized[^1]:x2})");
        }
    }

    internal override void WriteRoot(ReadOnlySpan<byte> serialized, Span<byte> root) => Merkle.Root(serialized, _depth, root);
}
