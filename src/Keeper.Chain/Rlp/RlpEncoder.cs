using System.Buffers.Binary;
using System.Numerics;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Rlp;

/// <summary>
/// Recursive Length Prefix encoding (Ethereum Yellow Paper, appendix B). Every method computes the encoded size
/// first and writes into one buffer of exactly that size.
/// </summary>
public static class RlpEncoder
{
    /// <summary>The encoding of the empty byte string, which is also the encoding of the integer zero.</summary>
    public const byte EmptyString = 0x80;

    /// <summary>The encoding of the empty list.</summary>
    public const byte EmptyList = 0xc0;

    private const byte ShortStringOffset = 0x80;
    private const byte LongStringOffset = 0xb7;
    private const byte ShortListOffset = 0xc0;
    private const byte LongListOffset = 0xf7;
    private const int MaxShortPayload = 55;

    /// <summary>Encodes a byte string. A single byte below 0x80 is its own encoding.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        var result = new byte[GetBytesLength(bytes)];
        WriteBytes(bytes, result);
        return result;
    }

    /// <summary>Encodes a list whose items are already RLP-encoded.</summary>
    /// <exception cref="ArgumentNullException">An item is null.</exception>
    public static byte[] EncodeList(params byte[][] encodedItems) => EncodeList((IReadOnlyList<byte[]>)encodedItems);

    /// <summary>Encodes a list whose items are already RLP-encoded.</summary>
    /// <exception cref="ArgumentNullException">An item is null.</exception>
    public static byte[] EncodeList(IReadOnlyList<byte[]> encodedItems)
    {
        ArgumentNullException.ThrowIfNull(encodedItems);
        var payloadLength = 0;
        for (var i = 0; i < encodedItems.Count; i++)
        {
            var item = encodedItems[i] ?? throw new ArgumentNullException(nameof(encodedItems), $"List item {i} is null; pass an encoded item (for an empty string, RlpEncoder.EncodeBytes([])).");
            payloadLength = checked(payloadLength + item.Length);
        }

        var result = new byte[checked(GetHeaderLength(payloadLength) + payloadLength)];
        var position = WriteHeader(payloadLength, ShortListOffset, LongListOffset, result);
        foreach (var item in encodedItems)
        {
            item.CopyTo(result, position);
            position += item.Length;
        }

        return result;
    }

    /// <summary>Encodes an unsigned integer as its minimal big-endian bytes; zero is the empty string (0x80).</summary>
    public static byte[] EncodeUInt(ulong value)
    {
        Span<byte> buffer = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value);
        var leadingZeroBytes = BitOperations.LeadingZeroCount(value) / 8;
        return EncodeBytes(buffer[leadingZeroBytes..]);
    }

    /// <summary>Encodes a non-negative integer as its minimal big-endian bytes; zero is the empty string (0x80).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative: RLP has no negative integers.</exception>
    public static byte[] EncodeUInt(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "RLP encodes only non-negative integers.");
        }

        return value.IsZero ? [EmptyString] : EncodeBytes(value.ToByteArray(isUnsigned: true, isBigEndian: true));
    }

    /// <summary>Encodes an address as its 20 bytes, or <see langword="null"/> (contract creation) as the empty string.</summary>
    public static byte[] EncodeAddress(Address? address) => address is { } a ? EncodeBytes(a.Bytes) : [EmptyString];

    /// <summary>The length of the encoding of <paramref name="bytes"/>, without encoding it.</summary>
    public static int GetBytesLength(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 1 && bytes[0] < ShortStringOffset ? 1 : checked(GetHeaderLength(bytes.Length) + bytes.Length);

    /// <summary>Writes the encoding of <paramref name="bytes"/> at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than <see cref="GetBytesLength"/>.</exception>
    public static int WriteBytes(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        var length = GetBytesLength(bytes);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} bytes; the encoding needs {length}.", nameof(destination));
        }

        if (length == 1 && bytes.Length == 1)
        {
            destination[0] = bytes[0];
            return 1;
        }

        var position = WriteHeader(bytes.Length, ShortStringOffset, LongStringOffset, destination);
        bytes.CopyTo(destination[position..]);
        return length;
    }

    /// <summary>The length of a string or list header for a payload of <paramref name="payloadLength"/> bytes.</summary>
    public static int GetHeaderLength(int payloadLength) =>
        payloadLength <= MaxShortPayload ? 1 : 1 + MinimalByteCount((ulong)payloadLength);

    private static int WriteHeader(int payloadLength, byte shortOffset, byte longOffset, Span<byte> destination)
    {
        if (payloadLength <= MaxShortPayload)
        {
            destination[0] = (byte)(shortOffset + payloadLength);
            return 1;
        }

        var lengthOfLength = MinimalByteCount((ulong)payloadLength);
        destination[0] = (byte)(longOffset + lengthOfLength);
        for (var i = lengthOfLength; i >= 1; i--)
        {
            destination[i] = (byte)(payloadLength >> (8 * (lengthOfLength - i)));
        }

        return 1 + lengthOfLength;
    }

    private static int MinimalByteCount(ulong value) => value == 0 ? 0 : (64 - BitOperations.LeadingZeroCount(value) + 7) / 8;
}
