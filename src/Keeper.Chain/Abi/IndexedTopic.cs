using Keeper.Chain.Primitives;
using Nethereum.Util;

namespace Keeper.Chain.Abi;

/// <summary>
/// The topic that an indexed event parameter produces (Solidity ABI specification, "Encoding of Indexed Event Parameters").
/// Elementary value types are their 32-byte ABI word. <c>bytes</c> and <c>string</c> are keccak256 of their raw bytes.
/// Arrays and tuples are keccak256 of their in-place encoding: the elements or components concatenated with no length
/// prefix, each elementary value as its 32-byte word, and <c>bytes</c>/<c>string</c> inside them padded to 32 bytes.
/// </summary>
internal static class IndexedTopic
{
    /// <summary>True when the topic holds the value itself, false when it holds a hash of it.</summary>
    public static bool HoldsValue(AbiType type) => type.Depth == 0 && !type.IsDynamic;

    public static Hash32 Encode(AbiType type, object? value)
    {
        if (HoldsValue(type))
        {
            var word = new byte[AbiType.WordSize];
            AbiEncoder.Measure(type, value);
            AbiEncoder.Write(type, value, word);
            return new Hash32(word);
        }

        if (value is Hash32 precomputed)
        {
            return precomputed;
        }

        if (type.Kind is AbiTypeKind.Bytes or AbiTypeKind.String)
        {
            if (type.Kind == AbiTypeKind.Bytes)
            {
                return new Hash32(Sha3Keccack.Current.CalculateHash(AbiValues.ToBytes(value, type).ToArray()));
            }

            var text = AbiValues.ToText(value, type);
            AbiValues.Utf8Length(text, type);
            return new Hash32(Sha3Keccack.Current.CalculateHash(AbiValues.StrictUtf8.GetBytes(text)));
        }

        var buffer = new byte[Measure(type, value)];
        Write(type, value, buffer);
        return new Hash32(Sha3Keccack.Current.CalculateHash(buffer));
    }

    private static long Measure(AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                return AbiEncoder.PaddedLength(AbiValues.ToBytes(value, type).Length);
            case AbiTypeKind.String:
                return AbiEncoder.PaddedLength(AbiValues.Utf8Length(AbiValues.ToText(value, type), type));
            case AbiTypeKind.FixedArray or AbiTypeKind.DynamicArray or AbiTypeKind.Tuple:
                var items = AbiValues.ToList(value, type);
                var types = type.Kind == AbiTypeKind.DynamicArray ? new TypeList(type.ElementType!, items.Count) : TypeList.Of(type, items.Count);
                var size = 0L;
                for (var i = 0; i < items.Count; i++)
                {
                    try
                    {
                        size += Measure(types[i], items[i]);
                    }
                    catch (AbiValueError error)
                    {
                        error.Within(types.Segment(i));
                        throw;
                    }
                }

                return size;
            default:
                return AbiEncoder.Measure(type, value);
        }
    }

    private static int Write(AbiType type, object? value, Span<byte> destination)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                var bytes = AbiValues.ToBytes(value, type).Span;
                bytes.CopyTo(destination);
                return (int)AbiEncoder.PaddedLength(bytes.Length);
            case AbiTypeKind.String:
                return (int)AbiEncoder.PaddedLength(AbiValues.StrictUtf8.GetBytes(AbiValues.ToText(value, type), destination));
            case AbiTypeKind.FixedArray or AbiTypeKind.DynamicArray or AbiTypeKind.Tuple:
                var items = AbiValues.ToList(value, type);
                var types = type.Kind == AbiTypeKind.DynamicArray ? new TypeList(type.ElementType!, items.Count) : TypeList.Of(type, items.Count);
                var position = 0;
                for (var i = 0; i < items.Count; i++)
                {
                    position += Write(types[i], items[i], destination[position..]);
                }

                return position;
            default:
                return AbiEncoder.Write(type, value, destination);
        }
    }
}
