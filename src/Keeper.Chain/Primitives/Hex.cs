using System.Globalization;
using System.Numerics;

namespace Keeper.Chain.Primitives;

/// <summary>
/// Hex encoding as Ethereum uses it: byte strings as <c>0x</c>-prefixed even-length hex ("DATA"),
/// and numbers as <c>0x</c>-prefixed hex without leading zeros ("QUANTITY", <c>0x0</c> for zero).
/// </summary>
public static class Hex
{
    /// <summary>Encodes bytes as lowercase hex, with a <c>0x</c> prefix unless <paramref name="prefix"/> is false.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true)
    {
        var hex = Convert.ToHexStringLower(bytes);
        return prefix ? "0x" + hex : hex;
    }

    /// <summary>Decodes hex with or without a <c>0x</c> prefix. An empty string or a bare <c>0x</c> decodes to no bytes.</summary>
    /// <exception cref="FormatException">The text has an odd number of digits or a character that is not a hex digit.</exception>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = StripPrefix(hex);
        if (digits.Length % 2 != 0)
        {
            throw new FormatException($"Hex string has an odd number of digits ({digits.Length}): '{Abbreviate(hex)}'.");
        }

        var result = new byte[digits.Length / 2];
        var status = Convert.FromHexString(digits, result, out _, out var written);
        if (status != System.Buffers.OperationStatus.Done || written != result.Length)
        {
            throw new FormatException($"Not a hex string: '{Abbreviate(hex)}'.");
        }

        return result;
    }

    /// <summary>Tries to decode hex with or without a <c>0x</c> prefix.</summary>
    public static bool TryDecode(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (hex is null)
        {
            return false;
        }

        var digits = StripPrefix(hex);
        if (digits.Length % 2 != 0)
        {
            return false;
        }

        var result = new byte[digits.Length / 2];
        var status = Convert.FromHexString(digits, result, out _, out var written);
        if (status != System.Buffers.OperationStatus.Done || written != result.Length)
        {
            return false;
        }

        bytes = result;
        return true;
    }

    /// <summary>Encodes a non-negative number as an Ethereum QUANTITY (<c>0x0</c>, <c>0x1a</c>, ...).</summary>
    public static string EncodeQuantity(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Encodes a non-negative number as an Ethereum QUANTITY (<c>0x0</c>, <c>0x1a</c>, ...).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public static string EncodeQuantity(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A QUANTITY cannot be negative.");
        }

        if (value.IsZero)
        {
            return "0x0";
        }

        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var hex = Convert.ToHexStringLower(bytes).TrimStart('0');
        return "0x" + hex;
    }

    /// <summary>Decodes an Ethereum QUANTITY into a non-negative integer.</summary>
    /// <exception cref="FormatException">The text is not <c>0x</c>-prefixed hex.</exception>
    public static BigInteger DecodeQuantity(string quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        if (!quantity.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || quantity.Length < 3)
        {
            throw new FormatException($"Not a hex quantity (expected 0x followed by hex digits): '{Abbreviate(quantity)}'.");
        }

        var digits = quantity.AsSpan(2);
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                throw new FormatException($"Not a hex quantity: '{Abbreviate(quantity)}'.");
            }
        }

        return BigInteger.Parse("0" + digits.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Decodes an Ethereum QUANTITY that must fit in 64 bits.</summary>
    /// <exception cref="FormatException">The text is not a hex quantity, or its value exceeds <see cref="ulong.MaxValue"/>.</exception>
    public static ulong DecodeQuantityUInt64(string quantity)
    {
        var value = DecodeQuantity(quantity);
        if (value > ulong.MaxValue)
        {
            throw new FormatException($"Hex quantity does not fit in 64 bits: '{Abbreviate(quantity)}'.");
        }

        return (ulong)value;
    }

    private static ReadOnlySpan<char> StripPrefix(string hex) =>
        hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();

    private static string Abbreviate(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
