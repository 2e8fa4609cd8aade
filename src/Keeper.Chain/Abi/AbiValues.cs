using System.Collections;
using System.Numerics;
using System.Text;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Abi;

/// <summary>
/// Converts the .NET values accepted for encoding (see <see cref="AbiType"/>) into their canonical form, checking
/// type and range. Failures throw <see cref="AbiValueError"/>, which the encoders turn into positioned messages.
/// </summary>
internal static class AbiValues
{
    /// <summary>UTF-8 that refuses lone surrogates instead of silently writing U+FFFD.</summary>
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static BigInteger ToInteger(object? value, AbiType type)
    {
        BigInteger number = value switch
        {
            BigInteger b => b,
            int i => i,
            long l => l,
            uint u => u,
            ulong ul => ul,
            byte b8 => b8,
            ushort us => us,
            short s => s,
            sbyte sb => sb,
            Int128 i128 => i128,
            UInt128 u128 => u128,
            _ => throw new AbiValueError(type, $"expected a BigInteger or a built-in integer, got {Describe(value)}"),
        };
        CheckRange(number, type);
        return number;
    }

    public static void CheckRange(BigInteger number, AbiType type)
    {
        var bits = type.Size;
        var (min, max) = type.Kind == AbiTypeKind.UInt
            ? (BigInteger.Zero, (BigInteger.One << bits) - 1)
            : (-(BigInteger.One << (bits - 1)), (BigInteger.One << (bits - 1)) - 1);
        if (number < min || number > max)
        {
            throw new AbiValueError(type, $"{number} is out of range {RangeText(type)}");
        }
    }

    public static string RangeText(AbiType type)
    {
        var bits = type.Size;
        if (type.Kind == AbiTypeKind.UInt)
        {
            return bits <= 64 ? $"0..{(BigInteger.One << bits) - 1}" : $"0..2^{bits}-1";
        }

        return bits <= 64
            ? $"{-(BigInteger.One << (bits - 1))}..{(BigInteger.One << (bits - 1)) - 1}"
            : $"-2^{bits - 1}..2^{bits - 1}-1";
    }

    public static Address ToAddress(object? value, AbiType type) =>
        value is Address address ? address : throw new AbiValueError(type, $"expected a Keeper.Chain.Primitives.Address, got {Describe(value)}");

    public static bool ToBool(object? value, AbiType type) =>
        value is bool flag ? flag : throw new AbiValueError(type, $"expected a bool, got {Describe(value)}");

    public static ReadOnlyMemory<byte> ToFixedBytes(object? value, AbiType type)
    {
        ReadOnlyMemory<byte> bytes = value switch
        {
            byte[] array => array,
            ReadOnlyMemory<byte> memory => memory,
            Memory<byte> memory => memory,
            Hash32 hash => hash.ToArray(),
            _ => throw new AbiValueError(type, $"expected a byte[] of exactly {type.Size} bytes, got {Describe(value)}"),
        };
        if (bytes.Length != type.Size)
        {
            throw new AbiValueError(type, $"expected exactly {type.Size} bytes, got {bytes.Length}; pad or cut the value explicitly");
        }

        return bytes;
    }

    public static ReadOnlyMemory<byte> ToBytes(object? value, AbiType type) => value switch
    {
        byte[] array => array,
        ReadOnlyMemory<byte> memory => memory,
        Memory<byte> memory => memory,
        _ => throw new AbiValueError(type, $"expected a byte[], got {Describe(value)}"),
    };

    public static string ToText(object? value, AbiType type) =>
        value as string ?? throw new AbiValueError(type, $"expected a string, got {Describe(value)}");

    public static int Utf8Length(string text, AbiType type)
    {
        try
        {
            return StrictUtf8.GetByteCount(text);
        }
        catch (EncoderFallbackException ex)
        {
            throw new AbiValueError(type, $"the string is not valid Unicode ({ex.Message})");
        }
    }

    /// <summary>The elements of an array value or the components of a tuple value, with the count checked.</summary>
    public static IReadOnlyList<object?> ToList(object? value, AbiType type)
    {
        IReadOnlyList<object?> list = value switch
        {
            IReadOnlyList<object?> objects => objects,
            IList typed => ToObjects(typed),
            _ => throw new AbiValueError(type, $"expected {(type.Kind == AbiTypeKind.Tuple ? "an object?[] of components" : "an array or list of elements")}, got {Describe(value)}"),
        };
        var expected = type.Kind switch
        {
            AbiTypeKind.Tuple => type.Components.Count,
            AbiTypeKind.FixedArray => type.Length,
            _ => -1,
        };
        if (expected >= 0 && list.Count != expected)
        {
            var what = type.Kind == AbiTypeKind.Tuple ? "components" : "elements";
            throw new AbiValueError(type, $"expected {expected} {what}, got {list.Count}");
        }

        return list;
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"the string \"{AbiType.Abbreviate(s)}\"",
        byte[] b => $"a byte[{b.Length}]",
        _ => $"a value of type {value.GetType().Name}",
    };

    private static object?[] ToObjects(IList typed)
    {
        var objects = new object?[typed.Count];
        typed.CopyTo(objects, 0);
        return objects;
    }
}
