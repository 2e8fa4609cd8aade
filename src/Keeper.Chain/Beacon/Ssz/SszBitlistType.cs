namespace Keeper.Chain.Beacon.Ssz;

/// <summary>Bitlist[N]: up to N bits followed by a delimiter bit set to 1, which the root leaves out.</summary>
public sealed class SszBitlistType : SszType
{
    private readonly int _depth;

    /// <summary>Creates Bitlist[<paramref name="limitBits"/>].</summary>
    public SszBitlistType(long limitBits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitBits);
        LimitBits = limitBits;
        _depth = Merkle.Depth((ulong)(limitBits + 255) / 256);
    }

    /// <summary>The most bits a value may hold (without the delimiter).</summary>
    public long LimitBits { get; }

    /// <inheritdoc />
    public override string Name => $"Bitlist[{LimitBits}]";

    /// <inheritdoc />
    public override bool IsFixedSize => false;

    /// <inheritdoc />
    public override int FixedSize => 0;

    /// <inheritdoc />
    public override byte[] DefaultValue() => [0x01];

    /// <summary>The number of bits in a valid serialized bitlist.</summary>
    public static long BitLength(ReadOnlySpan<byte> serialized) =>
        ((serialized.Length - 1) * 8L) + (31 - System.Numerics.BitOperations.LeadingZeroCount((uint)serialized[^1]));

    internal override void ValidateCore(ReadOnlySpan<byte> serialized)
    {
        if (serialized.Length == 0 || serialized[^1] == 0)
        {
            throw new SszException("", $"a {Name} must end with a delimiter bit (a last byte other than 0x00); got {(serialized.Length == 0 ? "no bytes" : "a last byte 0x00")}");
        }

        var bits = BitLength(serialized);
        if (bits > LimitBits)
        {
            throw new SszException("", $"a {Name} holds at most {LimitBits} bits; got {bits}");
        }
    }

    internal override void WriteRoot(ReadOnlySpan<byte> serialized, Span<byte> root)
    {
        var bits = BitLength(serialized);
        var bytes = (int)((bits + 7) / 8);
        var chunks = new byte[(bytes + 31) / 32 * 32];
        serialized[..Math.Min(bytes, serialized.Length)].CopyTo(chunks);

        // Clear the delimiter: it sits at bit index `bits`, which may be in the last copied byte.
        if (bits % 8 != 0)
        {
            chunks[bytes - 1] &= (byte)((1 << (int)(bits % 8)) - 1);
        }

        Merkle.RootInPlace(chunks, _depth, root);
        Merkle.MixInLength(root, (ulong)bits);
    }
}
