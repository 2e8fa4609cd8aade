using Keeper.Chain.Beacon.Ssz;

namespace Keeper.Chain.Tests.Beacon.Ssz;

/// <summary>
/// Seeded random values of any SSZ type, built from the schema: valid booleans, uint64 below 2^53 (a validator's epochs also 2^64-1), bitfields with clean padding and a
/// delimiter, list lengths within their limits. Lists are short unless a field's length is given.
/// </summary>
internal sealed class SszRandom
{
    private readonly Random _random;
    private readonly int _maxListLength;
    private readonly IReadOnlyDictionary<string, int> _fieldLengths;

    /// <param name="seed">The seed: the same seed gives the same bytes.</param>
    /// <param name="maxListLength">The most elements (or bytes, or bits) of a list whose length is not given.</param>
    /// <param name="fieldLengths">Exact lengths of list fields by field name, such as <c>validators</c>.</param>
    public SszRandom(int seed, int maxListLength = 3, IReadOnlyDictionary<string, int>? fieldLengths = null)
    {
        _random = new Random(seed);
        _maxListLength = maxListLength;
        _fieldLengths = fieldLengths ?? new Dictionary<string, int>();
    }

    public byte[] Next(SszType type) => Next(type, null);

    // fieldName is Container.field for a container's field, null for an element.
    private byte[] Next(SszType type, string? fieldName)
    {
        switch (type)
        {
            case SszBooleanType:
                return [(byte)_random.Next(2)];
            case SszUintType { Bits: 64 }:
                return Uint64(fieldName);
            case SszUintType or SszByteVectorType:
                return Bytes(type.FixedSize);
            case SszByteListType byteList:
                return Bytes(Length(byteList.Limit, fieldName));
            case SszBitvectorType bitvector:
                var vector = Bytes(bitvector.FixedSize);
                if (bitvector.Bits % 8 != 0)
                {
                    vector[^1] &= (byte)((1 << (bitvector.Bits % 8)) - 1);
                }

                return vector;
            case SszBitlistType bitlist:
                var bits = Length(bitlist.LimitBits, fieldName);
                var list = Bytes((bits / 8) + 1);
                list[^1] &= (byte)((1 << (bits % 8)) - 1);
                list[^1] |= (byte)(1 << (bits % 8));
                return list;
            case SszVectorType vectorType:
                return SszSequenceType.Concatenate(vectorType.ElementType, Elements(vectorType.ElementType, vectorType.Length));
            case SszListType listType:
                return SszSequenceType.Concatenate(listType.ElementType, Elements(listType.ElementType, Length(listType.Limit, fieldName)));
            case SszContainerType container:
                return container.Serialize(container.Fields.ToDictionary(f => f.Name, f => Next(f.Type, $"{container.Name}.{f.Name}")));
            default:
                throw new ArgumentException($"No random values for {type.Name}.", nameof(type));
        }
    }

    private byte[][] Elements(SszType elementType, int count)
    {
        if (elementType is SszUintType { Bits: 64 })
        {
            return Enumerable.Range(0, count).Select(_ => Uint64(null)).ToArray();
        }

        if (elementType is SszUintType or SszByteVectorType)
        {
            // One buffer for long lists of plain bytes (randao_mixes, balances): cheaper than one array each.
            var all = Bytes(count * elementType.FixedSize);
            return [all];
        }

        var elements = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            elements[i] = Next(elementType, null);
        }

        return elements;
    }

    private int Length(long limit, string? fieldName) =>
        fieldName is not null && _fieldLengths.TryGetValue(fieldName[(fieldName.IndexOf('.', StringComparison.Ordinal) + 1)..], out var given)
            ? given
            : _random.Next((int)Math.Min(limit, _maxListLength) + 1);

    // The reference holds most uint64 fields as JavaScript numbers: exact below 2^53; a validator's epochs also keep
    // 2^64-1 (FAR_FUTURE_EPOCH, as Infinity). Real chains stay in that range, so random values do too.
    private byte[] Uint64(string? fieldName)
    {
        var epoch = fieldName is not null && fieldName.StartsWith("Validator.", StringComparison.Ordinal) && fieldName.EndsWith("epoch", StringComparison.Ordinal);
        var value = epoch && _random.Next(4) == 0 ? ulong.MaxValue : (ulong)_random.NextInt64(1L << 53);
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return bytes;
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
