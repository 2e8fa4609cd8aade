namespace Keeper.Chain.Primitives;

/// <summary>A 32-byte value: a block or transaction hash, a log topic, a storage key.</summary>
public readonly struct Hash32 : IEquatable<Hash32>
{
    /// <summary>The length in bytes.</summary>
    public const int Size = 32;

    private readonly byte[]? _bytes;

    /// <summary>Creates a hash from exactly 32 bytes.</summary>
    /// <exception cref="ArgumentException">The input is not 32 bytes long.</exception>
    public Hash32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A 32-byte hash was expected; got {bytes.Length} bytes.", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    /// <summary>All zeros.</summary>
    public static Hash32 Zero { get; } = new(new byte[Size]);

    /// <summary>The 32 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? Zero._bytes;

    /// <summary>Returns a copy of the 32 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <summary>Parses <c>0x</c> followed by 64 hex digits.</summary>
    /// <exception cref="FormatException">The text is not a 32-byte hex value.</exception>
    public static Hash32 Parse(string text)
    {
        if (!TryParse(text, out var hash))
        {
            throw new FormatException($"Not a 32-byte hash (expected 0x followed by 64 hex digits): '{text}'.");
        }

        return hash;
    }

    /// <summary>Tries to parse <c>0x</c> followed by 64 hex digits.</summary>
    public static bool TryParse(string? text, out Hash32 hash)
    {
        hash = default;
        if (text is null || text.Length != 2 + (Size * 2) || !Hex.TryDecode(text, out var bytes) || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        hash = new Hash32(bytes);
        return true;
    }

    /// <summary>The lowercase hex form with <c>0x</c> prefix.</summary>
    public override string ToString() => Hex.Encode(Bytes);

    /// <inheritdoc />
    public bool Equals(Hash32 other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Hash32 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(Bytes[..4]);

    /// <summary>Equality by value.</summary>
    public static bool operator ==(Hash32 left, Hash32 right) => left.Equals(right);

    /// <summary>Inequality by value.</summary>
    public static bool operator !=(Hash32 left, Hash32 right) => !left.Equals(right);
}
