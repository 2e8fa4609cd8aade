using System.Numerics;
using System.Text;
using Keeper.Chain.Abi;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Tests.Abi;

/// <summary>Random ABI types and values for round-trip tests, driven by a seeded <see cref="Random"/>.</summary>
internal sealed class RandomAbi(Random random)
{
    // Letters from 1-, 2-, 3- and 4-byte UTF-8 ranges, the last as a surrogate pair.
    private static readonly string[] TextPieces = ["a", "Z", "0", " ", "é", "ß", "€", "中", "\U0001F600", "\U0001D11E", "\n", "\0"];

    public AbiType NextType(int depth = 3)
    {
        var choice = random.Next(depth > 0 ? 11 : 8);
        return choice switch
        {
            0 => AbiType.UInt(8 * random.Next(1, 33)),
            1 => AbiType.Int(8 * random.Next(1, 33)),
            2 => AbiType.Address,
            3 => AbiType.Bool,
            4 => AbiType.FixedBytes(random.Next(1, 33)),
            5 => AbiType.Bytes,
            6 => AbiType.String,
            7 => AbiType.UInt256,
            8 => AbiType.FixedArray(NextType(depth - 1), random.Next(1, 4)),
            9 => AbiType.Array(NextType(depth - 1)),
            _ => AbiType.Tuple(Enumerable.Range(0, random.Next(1, 5)).Select(_ => NextType(depth - 1)).ToArray()),
        };
    }

    public object? NextValue(AbiType type) => type.Kind switch
    {
        AbiTypeKind.UInt => NextUnsigned(type.Size),
        AbiTypeKind.Int => NextUnsigned(type.Size) - (BigInteger.One << (type.Size - 1)),
        AbiTypeKind.Address => new Address(NextBytes(20)),
        AbiTypeKind.Bool => random.Next(2) == 1,
        AbiTypeKind.FixedBytes => NextBytes(type.Size),
        AbiTypeKind.Bytes => NextBytes(NextLength()),
        AbiTypeKind.String => NextText(),
        AbiTypeKind.FixedArray => Enumerable.Range(0, type.Length).Select(_ => NextValue(type.ElementType!)).ToArray(),
        AbiTypeKind.DynamicArray => Enumerable.Range(0, random.Next(0, 4)).Select(_ => NextValue(type.ElementType!)).ToArray(),
        _ => type.Components.Select(NextValue).ToArray(),
    };

    public byte[] NextBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Lengths around the 32-byte word boundaries, where padding mistakes show.</summary>
    private int NextLength() => random.Next(5) switch
    {
        0 => 0,
        1 => 32,
        2 => 31 + random.Next(3),
        3 => 64 + random.Next(3) - 1,
        _ => random.Next(0, 100),
    };

    /// <summary>0, 1, the maximum, or a random value, over the full range of <paramref name="bits"/>.</summary>
    private BigInteger NextUnsigned(int bits) => random.Next(6) switch
    {
        0 => BigInteger.Zero,
        1 => BigInteger.One,
        2 => (BigInteger.One << bits) - 1,
        3 => BigInteger.One << (bits - 1),
        _ => new BigInteger(NextBytes(bits / 8), isUnsigned: true, isBigEndian: true),
    };

    private string NextText()
    {
        var builder = new StringBuilder();
        var pieces = random.Next(0, 40);
        for (var i = 0; i < pieces; i++)
        {
            builder.Append(TextPieces[random.Next(TextPieces.Length)]);
        }

        return builder.ToString();
    }
}
