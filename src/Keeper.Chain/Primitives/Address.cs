using Nethereum.Util;

namespace Keeper.Chain.Primitives;

/// <summary>
/// A 20-byte Ethereum account address. <see cref="ToString"/> gives the EIP-55 mixed-case checksum form;
/// <see cref="ToLowerHex"/> the lowercase form used for ordering and keys.
/// </summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    /// <summary>The length of an address in bytes.</summary>
    public const int Size = 20;

    private static readonly System.Buffers.SearchValues<char> LowerHexLetters = System.Buffers.SearchValues.Create("abcdef");
    private static readonly System.Buffers.SearchValues<char> UpperHexLetters = System.Buffers.SearchValues.Create("ABCDEF");

    private readonly byte[]? _bytes;

    /// <summary>Creates an address from exactly 20 bytes.</summary>
    /// <exception cref="ArgumentException">The input is not 20 bytes long.</exception>
    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"An address is {Size} bytes; got {bytes.Length}.", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    /// <summary>The zero address, 0x0000000000000000000000000000000000000000.</summary>
    public static Address Zero { get; } = new(new byte[Size]);

    /// <summary>The 20 bytes of the address.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? Zero._bytes;

    /// <summary>Returns a copy of the 20 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <summary>
    /// Parses a <c>0x</c>-prefixed 40-digit hex address. All-lowercase and all-uppercase forms are accepted as they are;
    /// a mixed-case form must carry a valid EIP-55 checksum, so a mistyped address is caught.
    /// </summary>
    /// <exception cref="FormatException">The text is not an address, or its mixed-case checksum is wrong.</exception>
    public static Address Parse(string text)
    {
        if (!TryParse(text, out var address, out var error))
        {
            throw new FormatException(error);
        }

        return address;
    }

    /// <summary>Tries to parse an address; see <see cref="Parse"/> for the rules.</summary>
    public static bool TryParse(string? text, out Address address) => TryParse(text, out address, out _);

    private static bool TryParse(string? text, out Address address, out string error)
    {
        address = default;
        if (text is null || text.Length != 2 + (Size * 2) || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            error = $"Not an address (expected 0x followed by 40 hex digits): '{text}'.";
            return false;
        }

        if (!Hex.TryDecode(text, out var bytes))
        {
            error = $"Not an address (non-hex characters): '{text}'.";
            return false;
        }

        var digits = text.AsSpan(2);
        var hasLower = digits.ContainsAny(LowerHexLetters);
        var hasUpper = digits.ContainsAny(UpperHexLetters);
        var candidate = new Address(bytes);
        if (hasLower && hasUpper && !string.Equals(candidate.ToString(), text, StringComparison.Ordinal))
        {
            error = $"Address '{text}' has an invalid EIP-55 checksum; the correctly checksummed form is '{candidate}'. Check it was copied correctly.";
            return false;
        }

        address = candidate;
        error = string.Empty;
        return true;
    }

    /// <summary>The lowercase hex form with <c>0x</c> prefix.</summary>
    public string ToLowerHex() => Hex.Encode(Bytes);

    /// <summary>The EIP-55 checksummed form.</summary>
    public override string ToString() => AddressUtil.Current.ConvertToChecksumAddress(ToArray());

    /// <inheritdoc />
    public bool Equals(Address other) => Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <summary>Orders addresses by their bytes, the same order as their lowercase hex.</summary>
    public int CompareTo(Address other) => Bytes.SequenceCompareTo(other.Bytes);

    /// <summary>Equality by value.</summary>
    public static bool operator ==(Address left, Address right) => left.Equals(right);

    /// <summary>Inequality by value.</summary>
    public static bool operator !=(Address left, Address right) => !left.Equals(right);

    /// <summary>Ordering by bytes.</summary>
    public static bool operator <(Address left, Address right) => left.CompareTo(right) < 0;

    /// <summary>Ordering by bytes.</summary>
    public static bool operator >(Address left, Address right) => left.CompareTo(right) > 0;

    /// <summary>Ordering by bytes.</summary>
    public static bool operator <=(Address left, Address right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering by bytes.</summary>
    public static bool operator >=(Address left, Address right) => left.CompareTo(right) >= 0;
}
