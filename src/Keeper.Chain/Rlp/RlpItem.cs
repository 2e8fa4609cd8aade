using System.Numerics;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Rlp;

/// <summary>
/// One node of a decoded RLP tree: either a byte string or a list of items. Accessors that need a particular
/// shape throw <see cref="RlpException"/> naming the byte offset, so a decoder reading a structure gets a precise error.
/// </summary>
public sealed class RlpItem
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly IReadOnlyList<RlpItem>? _items;

    private RlpItem(int offset, int encodedLength, ReadOnlyMemory<byte> bytes, IReadOnlyList<RlpItem>? items)
    {
        Offset = offset;
        EncodedLength = encodedLength;
        _bytes = bytes;
        _items = items;
    }

    /// <summary>True for a list, false for a byte string.</summary>
    public bool IsList => _items is not null;

    /// <summary>The byte offset of this item's header in the decoded input.</summary>
    public int Offset { get; }

    /// <summary>The length of this item's full encoding (header and payload) in bytes.</summary>
    public int EncodedLength { get; }

    /// <summary>The payload of a byte string.</summary>
    /// <exception cref="RlpException">The item is a list.</exception>
    public ReadOnlyMemory<byte> Bytes => _items is null ? _bytes : throw new RlpException("expected a byte string, found a list.", Offset);

    /// <summary>The items of a list.</summary>
    /// <exception cref="RlpException">The item is a byte string.</exception>
    public IReadOnlyList<RlpItem> Items => _items ?? throw new RlpException("expected a list, found a byte string.", Offset);

    /// <summary>Reads the item as an unsigned integer of at most 64 bits in canonical form (no leading zero bytes; zero is empty).</summary>
    /// <exception cref="RlpException">The item is a list, has leading zeros, or is longer than 8 bytes.</exception>
    public ulong ToUInt64()
    {
        var span = CanonicalIntegerBytes(maxBytes: sizeof(ulong), "a 64-bit integer");
        ulong value = 0;
        foreach (var b in span)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>Reads the item as a non-negative integer in canonical form (no leading zero bytes; zero is empty).</summary>
    /// <param name="maxBytes">The largest accepted size in bytes; 32 (256 bits) unless told otherwise.</param>
    /// <exception cref="RlpException">The item is a list, has leading zeros, or is longer than <paramref name="maxBytes"/>.</exception>
    public BigInteger ToBigInteger(int maxBytes = 32)
    {
        var span = CanonicalIntegerBytes(maxBytes, $"an integer of at most {maxBytes * 8} bits");
        return new BigInteger(span, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Reads the item as a 20-byte address.</summary>
    /// <exception cref="RlpException">The item is a list or not exactly 20 bytes long.</exception>
    public Address ToAddress()
    {
        var span = Bytes.Span;
        if (span.Length != Address.Size)
        {
            throw new RlpException($"expected a {Address.Size}-byte address, found {span.Length} bytes.", Offset);
        }

        return new Address(span);
    }

    /// <summary>Reads the item as an optional address: the empty string is <see langword="null"/> (contract creation).</summary>
    /// <exception cref="RlpException">The item is a list, or neither empty nor 20 bytes long.</exception>
    public Address? ToOptionalAddress() => Bytes.IsEmpty ? null : ToAddress();

    /// <summary>Reads the item as a 32-byte hash.</summary>
    /// <exception cref="RlpException">The item is a list or not exactly 32 bytes long.</exception>
    public Hash32 ToHash32()
    {
        var span = Bytes.Span;
        if (span.Length != Hash32.Size)
        {
            throw new RlpException($"expected a {Hash32.Size}-byte hash, found {span.Length} bytes.", Offset);
        }

        return new Hash32(span);
    }

    /// <summary>Returns the items of a list that must have exactly <paramref name="count"/> items.</summary>
    /// <param name="count">The required number of items.</param>
    /// <param name="what">What the list is, for the error message (for example "A signed legacy transaction").</param>
    /// <exception cref="RlpException">The item is a byte string or a list of another length.</exception>
    public IReadOnlyList<RlpItem> ItemsExactly(int count, string what)
    {
        var items = Items;
        if (items.Count != count)
        {
            throw new RlpException($"{what} must be a list of {count} items; found {items.Count}.", Offset);
        }

        return items;
    }

    internal static RlpItem ForString(int offset, int encodedLength, ReadOnlyMemory<byte> bytes) => new(offset, encodedLength, bytes, null);

    internal static RlpItem ForList(int offset, int encodedLength, IReadOnlyList<RlpItem> items) => new(offset, encodedLength, ReadOnlyMemory<byte>.Empty, items);

    private ReadOnlySpan<byte> CanonicalIntegerBytes(int maxBytes, string what)
    {
        var span = Bytes.Span;
        if (span.Length > maxBytes)
        {
            throw new RlpException($"expected {what}, found {span.Length} bytes.", Offset);
        }

        if (span.Length > 0 && span[0] == 0)
        {
            throw new RlpException($"expected {what} without leading zero bytes (zero is the empty string 0x80).", Offset);
        }

        return span;
    }
}
