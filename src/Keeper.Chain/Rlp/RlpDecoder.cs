namespace Keeper.Chain.Rlp;

/// <summary>
/// A strict RLP decoder: it accepts exactly one canonical item and nothing else, so any byte string has at most one
/// decoding and re-encoding a decoded item gives back the input.
/// </summary>
/// <remarks>
/// Rejected: empty input, trailing bytes, truncated input, a single byte below 0x80 wrapped as <c>0x81 xx</c>,
/// the long form used for a payload of 55 bytes or less, length-of-length fields with leading zeros, and nesting
/// deeper than <see cref="MaxDepth"/>.
/// </remarks>
public static class RlpDecoder
{
    /// <summary>The deepest list nesting accepted; Ethereum structures nest a handful of levels, so more is an attack or a bug.</summary>
    public const int MaxDepth = 64;

    /// <summary>Decodes one item that must span the whole input.</summary>
    /// <exception cref="RlpException">The input is not exactly one canonical RLP item; the message gives the byte offset.</exception>
    public static RlpItem Decode(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            throw new RlpException("the input is empty; even an empty string encodes as 0x80.", 0);
        }

        var buffer = input.ToArray();
        var item = DecodeItem(buffer, 0, buffer.Length, depth: 0);
        var end = item.Offset + item.EncodedLength;
        if (end != buffer.Length)
        {
            throw new RlpException($"{buffer.Length - end} trailing byte(s) after the item that ends here.", end);
        }

        return item;
    }

    private static RlpItem DecodeItem(byte[] buffer, int offset, int limit, int depth)
    {
        var prefix = buffer[offset];
        if (prefix < 0x80)
        {
            return RlpItem.ForString(offset, 1, buffer.AsMemory(offset, 1));
        }

        var isList = prefix >= 0xc0;
        var (headerLength, payloadLength) = ReadHeader(buffer, offset, limit, prefix, isList);
        var payloadStart = offset + headerLength;
        var encodedLength = headerLength + payloadLength;
        if (!isList)
        {
            if (payloadLength == 1 && buffer[payloadStart] < 0x80)
            {
                throw new RlpException($"non-canonical single byte: 0x{buffer[payloadStart]:x2} must be encoded as itself, not as 0x81{buffer[payloadStart]:x2}.", offset);
            }

            return RlpItem.ForString(offset, encodedLength, buffer.AsMemory(payloadStart, payloadLength));
        }

        if (depth >= MaxDepth)
        {
            throw new RlpException($"lists nest deeper than {MaxDepth} levels.", offset);
        }

        var items = new List<RlpItem>();
        var position = payloadStart;
        var end = payloadStart + payloadLength;
        while (position < end)
        {
            var child = DecodeItem(buffer, position, end, depth + 1);
            items.Add(child);
            position += child.EncodedLength;
        }

        return RlpItem.ForList(offset, encodedLength, items);
    }

    private static (int HeaderLength, int PayloadLength) ReadHeader(byte[] buffer, int offset, int limit, byte prefix, bool isList)
    {
        var shortBase = isList ? 0xc0 : 0x80;
        var longBase = isList ? 0xf7 : 0xb7;
        var kind = isList ? "list" : "string";
        if (prefix <= longBase)
        {
            var shortLength = prefix - shortBase;
            EnsureAvailable(offset, 1, shortLength, limit, kind);
            return (1, shortLength);
        }

        var lengthOfLength = prefix - longBase;
        if (offset + 1 + lengthOfLength > limit)
        {
            throw new RlpException($"truncated: the {kind} header needs {lengthOfLength} length byte(s) but only {limit - offset - 1} remain.", offset);
        }

        if (buffer[offset + 1] == 0)
        {
            throw new RlpException($"non-canonical {kind} length: the length field has leading zero bytes.", offset);
        }

        ulong length = 0;
        for (var i = 0; i < lengthOfLength; i++)
        {
            length = (length << 8) | buffer[offset + 1 + i];
        }

        if (length <= 55)
        {
            throw new RlpException($"non-canonical {kind} length: the long form is used for {length} bytes, which the short form (at most 55) covers.", offset);
        }

        if (length > int.MaxValue)
        {
            throw new RlpException($"the {kind} claims {length} bytes, more than any input can hold.", offset);
        }

        EnsureAvailable(offset, 1 + lengthOfLength, (int)length, limit, kind);
        return (1 + lengthOfLength, (int)length);
    }

    private static void EnsureAvailable(int offset, int headerLength, int payloadLength, int limit, string kind)
    {
        var available = limit - offset - headerLength;
        if (payloadLength > available)
        {
            throw new RlpException($"truncated: the {kind} claims {payloadLength} payload byte(s) but only {available} remain in the enclosing item.", offset);
        }
    }
}
