namespace Keeper.Chain.Abi;

/// <summary>
/// Solidity's non-standard packed encoding, <c>abi.encodePacked(...)</c>, as used for storage keys such as Rocket Pool's
/// <c>keccak256(abi.encodePacked("contract.address", name))</c>. Values are the same .NET values as for
/// <see cref="AbiEncoder"/> (see <see cref="AbiType"/>).
/// </summary>
/// <remarks>
/// Elementary static types take their natural size with no padding (<c>uint16</c> is 2 bytes, <c>address</c> 20,
/// <c>bool</c> 1, <c>bytes3</c> 3); <c>bytes</c> and <c>string</c> are their raw bytes with no length; arrays of
/// elementary static types are their elements, each padded to 32 bytes, with no length. As in Solidity, tuples
/// (structs), nested arrays and arrays of <c>bytes</c> or <c>string</c> are not supported. The encoding is ambiguous
/// when two dynamic values follow each other; there is no decoder.
/// </remarks>
public static class AbiPacked
{
    /// <summary>Encodes <paramref name="values"/> packed, one per type.</summary>
    /// <exception cref="AbiException">A type is not supported in packed mode, the counts differ, or a value is invalid.</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        if (types.Count != values.Count)
        {
            throw new AbiException($"Expected {types.Count} values for packed ({string.Join(",", types)}), got {values.Count}.");
        }

        var size = 0L;
        for (var i = 0; i < types.Count; i++)
        {
            CheckSupported(types[i], i);
            try
            {
                size += Measure(types[i], values[i]);
            }
            catch (AbiValueError error)
            {
                throw new AbiException(error.Describe($"argument {i}") + ".");
            }
        }

        var buffer = new byte[size];
        var position = 0;
        for (var i = 0; i < types.Count; i++)
        {
            position += Write(types[i], values[i], buffer.AsSpan(position));
        }

        return buffer;
    }

    private static void CheckSupported(AbiType type, int index)
    {
        var supported = type.Kind switch
        {
            AbiTypeKind.Tuple => false,
            AbiTypeKind.FixedArray or AbiTypeKind.DynamicArray => type.ElementType!.Depth == 0 && !type.ElementType.IsDynamic,
            _ => true,
        };
        if (!supported)
        {
            throw new AbiException($"argument {index} ({type}) cannot be packed: abi.encodePacked supports elementary types, bytes, string and arrays of elementary static types, not structs, nested arrays or arrays of bytes/string.");
        }
    }

    private static long Measure(AbiType type, object? value) => type.Kind switch
    {
        AbiTypeKind.Bytes => AbiValues.ToBytes(value, type).Length,
        AbiTypeKind.String => AbiValues.Utf8Length(AbiValues.ToText(value, type), type),
        AbiTypeKind.FixedArray or AbiTypeKind.DynamicArray => MeasureElements(type, AbiValues.ToList(value, type)),
        _ => MeasureElementary(type, value),
    };

    private static long MeasureElements(AbiType type, IReadOnlyList<object?> elements)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            try
            {
                AbiEncoder.Measure(type.ElementType!, elements[i]);
            }
            catch (AbiValueError error)
            {
                error.Within($"[{i}]");
                throw;
            }
        }

        return (long)elements.Count * AbiType.WordSize;
    }

    private static int MeasureElementary(AbiType type, object? value)
    {
        AbiEncoder.Measure(type, value);
        return PackedSize(type);
    }

    private static int PackedSize(AbiType type) => type.Kind switch
    {
        AbiTypeKind.UInt or AbiTypeKind.Int => type.Size / 8,
        _ => type.Size,
    };

    private static int Write(AbiType type, object? value, Span<byte> destination)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.Bytes:
                var bytes = AbiValues.ToBytes(value, type).Span;
                bytes.CopyTo(destination);
                return bytes.Length;
            case AbiTypeKind.String:
                return AbiValues.StrictUtf8.GetBytes(AbiValues.ToText(value, type), destination);
            case AbiTypeKind.FixedArray or AbiTypeKind.DynamicArray:
                var elements = AbiValues.ToList(value, type);
                for (var i = 0; i < elements.Count; i++)
                {
                    AbiEncoder.Write(type.ElementType!, elements[i], destination[(i * AbiType.WordSize)..]);
                }

                return elements.Count * AbiType.WordSize;
            default:
                // Write the standard 32-byte word, then keep the part that carries the value.
                Span<byte> word = stackalloc byte[AbiType.WordSize];
                AbiEncoder.Write(type, value, word);
                var size = PackedSize(type);
                var kept = type.Kind == AbiTypeKind.FixedBytes ? word[..size] : word[(AbiType.WordSize - size)..];
                kept.CopyTo(destination);
                return size;
        }
    }
}
