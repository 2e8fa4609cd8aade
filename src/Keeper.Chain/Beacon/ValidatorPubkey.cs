using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon;

/// <summary>
/// A validator's BLS public key: 48 bytes, written <c>0x</c> followed by 96 hex digits. A value type with equality by
/// content, so it can key dictionaries (the beacon client returns validators keyed by it).
/// </summary>
public readonly struct ValidatorPubkey : IEquatable<ValidatorPubkey>
{
    /// <summary>The length in bytes.</summary>
    public const int Size = 48;

    private static readonly byte[] Zeros = new byte[Size];

    private readonly byte[]? _bytes;

    /// <summary>Creates a public key from exactly 48 bytes (copied).</summary>
    /// <exception cref="ArgumentException">The input is not 48 bytes long.</exception>
    public ValidatorPubkey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A 48-byte validator public key was expected; got {bytes.Length} bytes.", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    /// <summary>The 48 bytes (all zeros for <c>default</c>).</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? Zeros;

    /// <summary>Returns a copy of the 48 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <summary>Parses <c>0x</c> followed by 96 hex digits (either case).</summary>
    /// <exception cref="FormatException">The text is not a 48-byte hex value with a <c>0x</c> prefix.</exception>
    public static ValidatorPubkey Parse(string text)
    {
        if (!TryParse(text, out var pubkey))
        {
            throw new FormatException(
                $"Not a validator public key (expected 0x followed by 96 hex digits): '{(text is { Length: > 110 } ? text[..110] + "..." : text)}'.");
        }

        return pubkey;
    }

    /// <summary>Tries to parse <c>0x</c> followed by 96 hex digits (either case).</summary>
    public static bool TryParse(string? text, out ValidatorPubkey pubkey)
    {
        pubkey = default;
        if (text is null || text.Length != 2 + (Size * 2) || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !Hex.TryDecode(text, out var bytes))
        {
            return false;
        }

        pubkey = new ValidatorPubkey(bytes);
        return true;
    }

    /// <summary>The lowercase hex form with <c>0x</c> prefix, as the beacon API expects it.</summary>
    public override string ToString() => Hex.Encode(Bytes);

    /// <inheritdoc />
    public bool Equals(ValidatorPubkey other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValidatorPubkey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>Equality by value.</summary>
    public static bool operator ==(ValidatorPubkey left, ValidatorPubkey right) => left.Equals(right);

    /// <summary>Inequality by value.</summary>
    public static bool operator !=(ValidatorPubkey left, ValidatorPubkey right) => !left.Equals(right);
}
