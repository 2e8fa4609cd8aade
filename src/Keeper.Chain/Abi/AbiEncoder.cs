using System.Buffers.Binary;
using System.Numerics;

namespace Keeper.Chain.Abi;

/// <summary>
/// The standard (strict mode) Solidity ABI encoding, <c>abi.encode(...)</c>: what function arguments, return values and
/// non-indexed event fields look like. See <see cref="AbiType"/> for the .NET value of each ABI type.
/// </summary>
/// <remarks>
/// The encoder measures the whole encoding first (checking every value on the way) and then writes it into a single
/// buffer, so a bad value fails before anything is allocated. Error messages name the zero-based argument position,
/// the path inside it (<c>[i]</c> for an array element, <c>.i</c> for a tuple component) and the type, e.g.
/// <c>argument 2 (uint8): 300 is out of range 0..255</c>.
/// </remarks>
public static class AbiEncoder
{
    /// <summary>Encodes <paramref name="values"/> as the tuple of <paramref name="types"/>.</summary>
    /// <exception cref="AbiException">The counts differ, or a value has the wrong .NET type or is out of range.</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values) =>
        Encode(types, values, static i => $"argument {i}");

    /// <summary>Encodes a single value as the one-element tuple <c>(type)</c>.</summary>
    /// <exception cref="AbiException">The value has the wrong .NET type or is out of range.</exception>
    public static byte[] Encode(AbiType type, object? value) => Encode([type], [value]);

    /// <summary>Encodes with error messages that call value <c>i</c> <paramref name="describe"/>(i), e.g. "argument 1 'amount'".</summary>
    internal static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, Func<int, string> describe)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
        {
            throw new AbiException($"Expected {types.Count} values for ({string.Join(",", types)}), got {values.Count}.");
        }

        var size = 0L;
        for (var i = 0; i < types.Count; i++)
        {
            try
            {
                size += Measure(types[i], values[i]) + (types[i].IsDynamic ? AbiType.WordSize : 0);
            }
            catch (AbiValueError error)
            {
                throw new AbiException(error.Describe(describe(i)) + ".");
            }
        }

        if (size > Array.MaxLength)
        {
            throw new AbiException($"The encoding would take {size} bytes, more than a .NET array can hold.");
        }

        var buffer = new byte[size];
        WriteSequence(new TypeList(types), values, buffer);
        return buffer;
    }

    /// <summary>The number of bytes <paramref name="value"/> takes: its head for a static type, its tail for a dynamic one.</summary>
    internal static long Measure(AbiType type, object? value)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt or AbiTypeKind.Int:
                AbiValues.ToInteger(value, type);
                return AbiType.WordSize;
            case AbiTypeKind.Address:
                AbiValues.ToAddress(value, type);
                return AbiType.WordSize;
            case AbiTypeKind.Bool:
                AbiValues.ToBool(value, type);
                return AbiType.WordSize;
            case AbiTypeKind.FixedBytes:
                AbiValues.ToFixedBytes(value, type);
                return AbiType.WordSize;
            case AbiTypeKind.Bytes:
                return AbiType.WordSize + PaddedLength(AbiValues.ToBytes(value, type).Length);
            case AbiTypeKind.String:
                return AbiType.WordSize + PaddedLength(AbiValues.Utf8Length(AbiValues.ToText(value, type), type));
            case AbiTypeKind.DynamicArray:
                var elements = AbiValues.ToList(value, type);
                return AbiType.WordSize + MeasureSequence(new TypeList(type.ElementType!, elements.Count), elements);
            default:
                var items = AbiValues.ToList(value, type);
                return MeasureSequence(TypeList.Of(type, items.Count), items);
        }
    }

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/> and returns the bytes written.</summary>
    internal static int Write(AbiType type, object? value, Span<byte> destination)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UInt or AbiTypeKind.Int:
                WriteInteger(AbiValues.ToInteger(value, type), destination);
                return AbiType.WordSize;
            case AbiTypeKind.Address:
                AbiValues.ToAddress(value, type).Bytes.CopyTo(destination[12..]);
                return AbiType.WordSize;
            case AbiTypeKind.Bool:
                destination[AbiType.WordSize - 1] = AbiValues.ToBool(value, type) ? (byte)1 : (byte)0;
                return AbiType.WordSize;
            case AbiTypeKind.FixedBytes:
                AbiValues.ToFixedBytes(value, type).Span.CopyTo(destination);
                return AbiType.WordSize;
            case AbiTypeKind.Bytes:
                return WriteBytes(AbiValues.ToBytes(value, type).Span, destination);
            case AbiTypeKind.String:
                var text = AbiValues.ToText(value, type);
                var length = AbiValues.StrictUtf8.GetBytes(text, destination[AbiType.WordSize..]);
                WriteLength(length, destination);
                return AbiType.WordSize + (int)PaddedLength(length);
            case AbiTypeKind.DynamicArray:
                var elements = AbiValues.ToList(value, type);
                WriteLength(elements.Count, destination);
                return AbiType.WordSize + WriteSequence(new TypeList(type.ElementType!, elements.Count), elements, destination[AbiType.WordSize..]);
            default:
                var items = AbiValues.ToList(value, type);
                return WriteSequence(TypeList.Of(type, items.Count), items, destination);
        }
    }

    /// <summary>Writes a 32-byte big-endian two's complement word; the caller has checked the range.</summary>
    internal static void WriteInteger(BigInteger value, Span<byte> destination)
    {
        var word = destination[..AbiType.WordSize];
        word.Fill(value.Sign < 0 ? (byte)0xff : (byte)0);
        var byteCount = value.GetByteCount(isUnsigned: value.Sign >= 0);
        value.TryWriteBytes(word[(AbiType.WordSize - byteCount)..], out _, isUnsigned: value.Sign >= 0, isBigEndian: true);
    }

    internal static long PaddedLength(long length) => (length + AbiType.WordSize - 1) / AbiType.WordSize * AbiType.WordSize;

    private static int WriteBytes(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        WriteLength(bytes.Length, destination);
        bytes.CopyTo(destination[AbiType.WordSize..]);
        return AbiType.WordSize + (int)PaddedLength(bytes.Length);
    }

    private static void WriteLength(int length, Span<byte> destination) =>
        BinaryPrimitives.WriteUInt64BigEndian(destination[(AbiType.WordSize - sizeof(ulong))..AbiType.WordSize], (ulong)length);

    private static long MeasureSequence(TypeList types, IReadOnlyList<object?> values)
    {
        var size = 0L;
        for (var i = 0; i < types.Count; i++)
        {
            try
            {
                size += Measure(types[i], values[i]) + (types[i].IsDynamic ? AbiType.WordSize : 0);
            }
            catch (AbiValueError error)
            {
                error.Within(types.Segment(i));
                throw;
            }
        }

        return size;
    }

    /// <summary>Writes heads then tails; offsets count from the start of the sequence.</summary>
    private static int WriteSequence(TypeList types, IReadOnlyList<object?> values, Span<byte> destination)
    {
        var head = 0;
        for (var i = 0; i < types.Count; i++)
        {
            head += types[i].HeadSize;
        }

        var tail = head;
        var position = 0;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            if (type.IsDynamic)
            {
                WriteLength(tail, destination[position..]);
                tail += Write(type, values[i], destination[tail..]);
                position += AbiType.WordSize;
            }
            else
            {
                position += Write(type, values[i], destination[position..]);
            }
        }

        return tail;
    }
}
