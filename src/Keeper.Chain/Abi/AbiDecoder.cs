using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Abi;

/// <summary>
/// Decodes standard Solidity ABI encodings (return data, calldata after the selector, event data) into the .NET values
/// described on <see cref="AbiType"/>.
/// </summary>
/// <remarks>
/// The data is treated as hostile, because it comes from RPC nodes and contracts. Every offset and length is checked
/// against the data before it is followed or allocated, and values must be in canonical form: a <c>bool</c> is 0 or 1,
/// the unused high bytes of <c>address</c> and <c>uint&lt;M&gt;</c> are zero, an <c>int&lt;M&gt;</c> is correctly sign
/// extended, the padding after <c>bytes&lt;M&gt;</c>, <c>bytes</c> and <c>string</c> is zero, and strings are valid UTF-8.
/// Offsets may point anywhere inside the data (as Solidity's decoder allows), but data that makes several offsets share
/// the same bytes so that it would decode to far more values than it holds is rejected, which bounds time and memory
/// by the data's length. Like Solidity's decoder, it accepts trailing bytes after the encoding and a last
/// <c>bytes</c>/<c>string</c> whose zero padding is cut off at the end of the data. Every problem is an
/// <see cref="AbiDecodingException"/> naming the zero-based value position, the path inside it, the type and the byte offset.
/// </remarks>
public static class AbiDecoder
{
    /// <summary>Decodes <paramref name="data"/> as the tuple of <paramref name="types"/>, one value per type.</summary>
    /// <exception cref="AbiDecodingException">The data is not a valid encoding of the types.</exception>
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data) => Decode(types, data, static i => $"value {i}");

    /// <summary>Decodes <paramref name="data"/> as the one-element tuple <c>(type)</c> and returns the value.</summary>
    /// <exception cref="AbiDecodingException">The data is not a valid encoding of the type.</exception>
    public static object? Decode(AbiType type, ReadOnlySpan<byte> data) => Decode([type], data)[0];

    /// <summary>Decodes with error messages that call value <c>i</c> <paramref name="describe"/>(i), e.g. "output 0 'balance'".</summary>
    internal static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data, Func<int, string> describe)
    {
        ArgumentNullException.ThrowIfNull(types);
        var reader = new Reader(data);
        var result = new object?[types.Count];
        var head = 0L;
        foreach (var type in types)
        {
            head += type.HeadSize;
        }

        if (head > data.Length)
        {
            throw new AbiDecodingException($"The data holds {data.Length} bytes, fewer than the {head} bytes of head that ({string.Join(",", types)}) needs.", data.Length);
        }

        var position = 0;
        for (var i = 0; i < types.Count; i++)
        {
            try
            {
                result[i] = reader.ReadHeadEntry(types[i], 0, position);
            }
            catch (AbiValueError error)
            {
                throw new AbiDecodingException(error.Describe(describe(i)) + ".", error.Position);
            }

            position += types[i].HeadSize;
        }

        return result;
    }

    private ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _data;
        private long _budget;

        public Reader(ReadOnlySpan<byte> data)
        {
            _data = data;

            // A canonical encoding spends at most one unit per 32-byte word; aliasing offsets spend more.
            _budget = (2L * (data.Length / AbiType.WordSize)) + 64;
        }

        /// <summary>Reads the value whose head entry is at <paramref name="position"/> in a sequence starting at <paramref name="start"/>.</summary>
        public object? ReadHeadEntry(AbiType type, int start, int position)
        {
            if (!type.IsDynamic)
            {
                return ReadValue(type, position);
            }

            var offset = ReadSize(type, position, "offset");
            var target = (long)start + offset;
            if (target > _data.Length)
            {
                throw new AbiValueError(type, $"offset {offset} points to byte {target}, beyond the end of the data ({_data.Length} bytes)", position);
            }

            return ReadValue(type, (int)target);
        }

        private object? ReadValue(AbiType type, int position)
        {
            switch (type.Kind)
            {
                case AbiTypeKind.UInt or AbiTypeKind.Int:
                    return ReadInteger(type, position);
                case AbiTypeKind.Address:
                    var word = Word(type, position, 12);
                    return new Address(word[12..]);
                case AbiTypeKind.Bool:
                    var flag = Word(type, position, AbiType.WordSize - 1)[^1];
                    return flag switch
                    {
                        0 => false,
                        1 => true,
                        _ => throw new AbiValueError(type, $"a bool must be 0 or 1, got {flag}", position),
                    };
                case AbiTypeKind.FixedBytes:
                    var fixedBytes = Word(type, position, 0);
                    CheckZero(type, fixedBytes[type.Size..], position + type.Size, "padding after the value");
                    return fixedBytes[..type.Size].ToArray();
                case AbiTypeKind.Bytes:
                    return ReadBytes(type, position).ToArray();
                case AbiTypeKind.String:
                    return DecodeUtf8(type, ReadBytes(type, position), position);
                case AbiTypeKind.DynamicArray:
                    var count = ReadSize(type, position, "array length");
                    Charge(type, 1, position);
                    var elementsStart = position + AbiType.WordSize;
                    var available = _data.Length - elementsStart;
                    if ((long)count * type.ElementType!.HeadSize > available)
                    {
                        throw new AbiValueError(type, $"array length {count} needs {(long)count * type.ElementType.HeadSize} bytes of head, but only {available} bytes follow", position);
                    }

                    return ReadSequence(new TypeList(type.ElementType, count), elementsStart);
                default:
                    return ReadSequence(TypeList.Of(type, type.Length), position);
            }
        }

        private object?[] ReadSequence(TypeList types, int start)
        {
            var values = new object?[types.Count];
            var position = start;
            for (var i = 0; i < types.Count; i++)
            {
                var type = types[i];
                try
                {
                    if ((long)position + type.HeadSize > _data.Length)
                    {
                        throw new AbiValueError(type, $"the head entry needs {type.HeadSize} bytes but the data ends at byte {_data.Length}", position);
                    }

                    values[i] = ReadHeadEntry(type, start, position);
                }
                catch (AbiValueError error)
                {
                    error.Within(types.Segment(i));
                    throw;
                }

                position += type.HeadSize;
            }

            return values;
        }

        private BigInteger ReadInteger(AbiType type, int position)
        {
            var word = Word(type, position, 0);
            var value = new BigInteger(word, isUnsigned: type.Kind == AbiTypeKind.UInt, isBigEndian: true);
            try
            {
                AbiValues.CheckRange(value, type);
            }
            catch (AbiValueError)
            {
                var rule = type.Kind == AbiTypeKind.UInt ? "its unused high bits must be zero" : "it must be sign-extended from its top bit";
                throw new AbiValueError(type, $"word 0x{Convert.ToHexStringLower(word)} is out of range {AbiValues.RangeText(type)} ({rule})", position);
            }

            return value;
        }

        private ReadOnlySpan<byte> ReadBytes(AbiType type, int position)
        {
            var length = ReadSize(type, position, "length");
            var contentStart = position + AbiType.WordSize;
            if ((long)contentStart + length > _data.Length)
            {
                throw new AbiValueError(type, $"length {length} runs past the end of the data ({_data.Length} bytes, {_data.Length - contentStart} available)", position);
            }

            Charge(type, 1 + ((length + AbiType.WordSize - 1L) / AbiType.WordSize), position);
            var paddingEnd = (int)Math.Min(contentStart + AbiEncoder.PaddedLength(length), _data.Length);
            CheckZero(type, _data[(contentStart + length)..paddingEnd], contentStart + length, "padding after the content");
            return _data.Slice(contentStart, length);
        }

        /// <summary>Reads an offset or length word: a uint256 that must also fit the data, so in particular an <c>int</c>.</summary>
        private int ReadSize(AbiType type, int position, string what)
        {
            if ((long)position + AbiType.WordSize > _data.Length)
            {
                throw new AbiValueError(type, $"the {what} word needs 32 bytes but the data ends at byte {_data.Length}", position);
            }

            var word = _data.Slice(position, AbiType.WordSize);
            var high = word[..(AbiType.WordSize - sizeof(ulong))];
            var low = BinaryPrimitives.ReadUInt64BigEndian(word[(AbiType.WordSize - sizeof(ulong))..]);
            if (high.ContainsAnyExcept((byte)0) || low > (ulong)_data.Length)
            {
                throw new AbiValueError(type, $"{what} 0x{Convert.ToHexStringLower(word).TrimStart('0')} exceeds the data length ({_data.Length} bytes)", position);
            }

            return (int)low;
        }

        /// <summary>The 32-byte word at <paramref name="position"/>, whose first <paramref name="zeroPrefix"/> bytes must be zero.</summary>
        private ReadOnlySpan<byte> Word(AbiType type, int position, int zeroPrefix)
        {
            if ((long)position + AbiType.WordSize > _data.Length)
            {
                throw new AbiValueError(type, $"the value needs 32 bytes but the data ends at byte {_data.Length}", position);
            }

            Charge(type, 1, position);
            var word = _data.Slice(position, AbiType.WordSize);
            CheckZero(type, word[..zeroPrefix], position, "high-order bytes");
            return word;
        }

        private void Charge(AbiType type, long units, int position)
        {
            _budget -= units;
            if (_budget < 0)
            {
                throw new AbiValueError(type, $"the data reuses the same bytes through overlapping offsets so often that it would decode to far more values than its {_data.Length} bytes hold; it is not a valid encoding", position);
            }
        }

        private static void CheckZero(AbiType type, ReadOnlySpan<byte> bytes, int position, string what)
        {
            var dirty = bytes.IndexOfAnyExcept((byte)0);
            if (dirty >= 0)
            {
                throw new AbiValueError(type, $"the {what} must be zero, but byte {position + dirty} is 0x{bytes[dirty]:x2}", position + dirty);
            }
        }

        private static string DecodeUtf8(AbiType type, ReadOnlySpan<byte> bytes, int position)
        {
            try
            {
                return AbiValues.StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw new AbiValueError(type, "the string is not valid UTF-8; decode it as 'bytes' to read arbitrary bytes", position);
            }
        }
    }
}
