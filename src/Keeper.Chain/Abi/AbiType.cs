using System.Globalization;

namespace Keeper.Chain.Abi;

/// <summary>
/// A Solidity ABI type: an elementary type, a fixed or dynamic array, or a tuple. Instances are immutable and compare
/// equal when their <see cref="CanonicalName"/>s are equal.
/// </summary>
/// <remarks>
/// <para>The .NET values that stand for ABI values, as <see cref="AbiDecoder"/> returns them and <see cref="AbiEncoder"/> accepts them:</para>
/// <list type="table">
/// <listheader><term>ABI type</term><description>.NET value</description></listheader>
/// <item><term><c>uint&lt;M&gt;</c>, <c>int&lt;M&gt;</c></term><description>
/// <see cref="System.Numerics.BigInteger"/> (always, whatever M). Encoding also accepts <see cref="int"/>, <see cref="long"/>,
/// <see cref="uint"/>, <see cref="ulong"/>, <see cref="byte"/>, <see cref="ushort"/>, <see cref="short"/> and <see cref="sbyte"/>;
/// the value must lie in the type's range.</description></item>
/// <item><term><c>address</c></term><description><see cref="Keeper.Chain.Primitives.Address"/>.</description></item>
/// <item><term><c>bool</c></term><description><see cref="bool"/>.</description></item>
/// <item><term><c>bytes&lt;M&gt;</c></term><description>A <see cref="byte"/> array of exactly M bytes (a shorter or longer array is an error, not padded or cut).</description></item>
/// <item><term><c>bytes</c></term><description>A <see cref="byte"/> array.</description></item>
/// <item><term><c>string</c></term><description><see cref="string"/> (encoded as UTF-8; decoding rejects invalid UTF-8).</description></item>
/// <item><term><c>T[k]</c>, <c>T[]</c></term><description>An <c>object?[]</c> of element values. Encoding accepts any
/// <see cref="IReadOnlyList{T}"/> of <c>object?</c> and typed arrays or lists such as <c>BigInteger[]</c>, <c>Address[]</c>,
/// <c>byte[][]</c>, <c>string[]</c> or <c>bool[]</c>.</description></item>
/// <item><term><c>(T1,...,Tn)</c></term><description>An <c>object?[]</c> of component values. Encoding accepts any
/// <see cref="IReadOnlyList{T}"/> of <c>object?</c>.</description></item>
/// </list>
/// <para>Fixed-point types (<c>fixed</c>, <c>ufixed</c>) and the <c>function</c> type are not supported; Solidity does not
/// implement the former and contracts we call do not use the latter. Empty tuples and zero-length fixed arrays are
/// rejected because Solidity cannot declare them.</para>
/// </remarks>
public sealed class AbiType : IEquatable<AbiType>
{
    /// <summary>The size in bytes of one ABI word, the unit of the head/tail encoding.</summary>
    public const int WordSize = 32;

    /// <summary>The deepest nesting of arrays and tuples accepted, which bounds recursion on every path.</summary>
    public const int MaxNestingDepth = 32;

    /// <summary>The largest static encoding accepted for one type, in bytes (64 MiB): far beyond any real contract.</summary>
    public const int MaxStaticSize = 64 * 1024 * 1024;

    private static readonly AbiType[] NoComponents = [];

    private AbiType(AbiTypeKind kind, int size, AbiType? elementType, int length, AbiType[] components, string canonicalName)
    {
        Kind = kind;
        Size = size;
        ElementType = elementType;
        Length = length;
        Components = components;
        CanonicalName = canonicalName;
        IsDynamic = kind switch
        {
            AbiTypeKind.Bytes or AbiTypeKind.String or AbiTypeKind.DynamicArray => true,
            AbiTypeKind.FixedArray => elementType!.IsDynamic,
            AbiTypeKind.Tuple => System.Array.Exists(components, c => c.IsDynamic),
            _ => false,
        };
        Depth = kind switch
        {
            AbiTypeKind.FixedArray or AbiTypeKind.DynamicArray => elementType!.Depth + 1,
            AbiTypeKind.Tuple => components.Max(c => c.Depth) + 1,
            _ => 0,
        };
        if (Depth > MaxNestingDepth)
        {
            throw new AbiException($"ABI type '{Abbreviate(canonicalName)}' nests arrays and tuples {Depth} levels deep; at most {MaxNestingDepth} are supported.");
        }

        HeadSize = IsDynamic ? WordSize : ComputeStaticSize(kind, elementType, length, components, canonicalName);
    }

    /// <summary><c>address</c>.</summary>
    public static AbiType Address { get; } = new(AbiTypeKind.Address, 20, null, 0, NoComponents, "address");

    /// <summary><c>bool</c>.</summary>
    public static AbiType Bool { get; } = new(AbiTypeKind.Bool, 1, null, 0, NoComponents, "bool");

    /// <summary><c>bytes</c>.</summary>
    public static AbiType Bytes { get; } = new(AbiTypeKind.Bytes, 0, null, 0, NoComponents, "bytes");

    /// <summary><c>string</c>.</summary>
    public static AbiType String { get; } = new(AbiTypeKind.String, 0, null, 0, NoComponents, "string");

    /// <summary><c>uint256</c>.</summary>
    public static AbiType UInt256 { get; } = UInt(256);

    /// <summary><c>bytes32</c>.</summary>
    public static AbiType Bytes32 { get; } = FixedBytes(32);

    /// <summary>What kind of type this is.</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>
    /// The bit size M of <c>uint&lt;M&gt;</c> and <c>int&lt;M&gt;</c>; the byte size M of <c>bytes&lt;M&gt;</c>;
    /// 20 for <c>address</c>, 1 for <c>bool</c>; 0 for other kinds.
    /// </summary>
    public int Size { get; }

    /// <summary>The element type of an array type; null for other kinds.</summary>
    public AbiType? ElementType { get; }

    /// <summary>The number of elements k of a fixed array <c>T[k]</c>; 0 for other kinds.</summary>
    public int Length { get; }

    /// <summary>The component types of a tuple; empty for other kinds.</summary>
    public IReadOnlyList<AbiType> Components { get; }

    /// <summary>The canonical name used in signatures, e.g. <c>uint256</c>, <c>(address,bytes)[2]</c>.</summary>
    public string CanonicalName { get; }

    /// <summary>
    /// True for <c>bytes</c>, <c>string</c>, <c>T[]</c>, and fixed arrays and tuples that contain a dynamic type:
    /// such values are encoded in the tail, with an offset in the head.
    /// </summary>
    public bool IsDynamic { get; }

    /// <summary>
    /// The number of bytes this type occupies in the head of an enclosing tuple: 32 for a dynamic type (its offset),
    /// the full encoded size for a static type (e.g. 96 for <c>uint256[3]</c>).
    /// </summary>
    public int HeadSize { get; }

    /// <summary>How many levels of arrays and tuples this type nests; 0 for an elementary type.</summary>
    internal int Depth { get; }

    /// <summary>Creates <c>uint&lt;bits&gt;</c>.</summary>
    /// <exception cref="AbiException">The bit size is not a multiple of 8 from 8 to 256.</exception>
    public static AbiType UInt(int bits) => new(AbiTypeKind.UInt, CheckBits(bits, "uint"), null, 0, NoComponents, "uint" + bits.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates <c>int&lt;bits&gt;</c>.</summary>
    /// <exception cref="AbiException">The bit size is not a multiple of 8 from 8 to 256.</exception>
    public static AbiType Int(int bits) => new(AbiTypeKind.Int, CheckBits(bits, "int"), null, 0, NoComponents, "int" + bits.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates <c>bytes&lt;size&gt;</c>.</summary>
    /// <exception cref="AbiException">The size is not from 1 to 32.</exception>
    public static AbiType FixedBytes(int size)
    {
        if (size is < 1 or > WordSize)
        {
            throw new AbiException($"'bytes{size}' is not a valid ABI type: bytes<M> needs M from 1 to 32 (use 'bytes' for a byte string of any length).");
        }

        return new AbiType(AbiTypeKind.FixedBytes, size, null, 0, NoComponents, "bytes" + size.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Creates the dynamic array <c>T[]</c>.</summary>
    public static AbiType Array(AbiType elementType)
    {
        ArgumentNullException.ThrowIfNull(elementType);
        return new AbiType(AbiTypeKind.DynamicArray, 0, elementType, 0, NoComponents, elementType.CanonicalName + "[]");
    }

    /// <summary>Creates the fixed array <c>T[length]</c>.</summary>
    /// <exception cref="AbiException">The length is less than 1.</exception>
    public static AbiType FixedArray(AbiType elementType, int length)
    {
        ArgumentNullException.ThrowIfNull(elementType);
        if (length < 1)
        {
            throw new AbiException($"'{elementType.CanonicalName}[{length}]' is not a valid ABI type: a fixed array needs at least one element.");
        }

        return new AbiType(AbiTypeKind.FixedArray, 0, elementType, length, NoComponents, $"{elementType.CanonicalName}[{length.ToString(CultureInfo.InvariantCulture)}]");
    }

    /// <summary>Creates the tuple <c>(T1,...,Tn)</c>.</summary>
    /// <exception cref="AbiException">There are no components.</exception>
    public static AbiType Tuple(params IReadOnlyList<AbiType> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        if (components.Count == 0)
        {
            throw new AbiException("'()' is not a valid ABI type: a tuple needs at least one component, as a Solidity struct needs at least one member.");
        }

        var copy = components.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentException($"Tuple component {i} is null.", nameof(components));
            }
        }

        return new AbiType(AbiTypeKind.Tuple, 0, null, 0, copy, "(" + string.Join(",", copy.Select(c => c.CanonicalName)) + ")");
    }

    /// <summary>
    /// Parses a type such as <c>uint256</c>, <c>bytes32[]</c> or <c>(uint256,(address,bytes)[])[2][]</c>.
    /// Whitespace between tokens is ignored, <c>uint</c> and <c>int</c> mean <c>uint256</c> and <c>int256</c>, and
    /// <c>tuple(...)</c> is accepted for <c>(...)</c>. Component names are not allowed here; see
    /// <see cref="AbiFunction.Parse"/> for human-readable parameter lists.
    /// </summary>
    /// <exception cref="AbiException">The text is not a valid type; the message says why and where.</exception>
    public static AbiType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new SignatureReader(text, "ABI type");
        var type = reader.ReadType(allowNames: false).Type;
        reader.ExpectEnd();
        return type;
    }

    /// <summary>Returns the <see cref="CanonicalName"/>.</summary>
    public override string ToString() => CanonicalName;

    /// <inheritdoc />
    public bool Equals(AbiType? other) => other is not null && string.Equals(CanonicalName, other.CanonicalName, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AbiType);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(CanonicalName);

    /// <summary>Equality by canonical name.</summary>
    public static bool operator ==(AbiType? left, AbiType? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by canonical name.</summary>
    public static bool operator !=(AbiType? left, AbiType? right) => !(left == right);

    internal static string Abbreviate(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");

    private static int CheckBits(int bits, string prefix)
    {
        if (bits is < 8 or > 256 || bits % 8 != 0)
        {
            throw new AbiException($"'{prefix}{bits}' is not a valid ABI type: {prefix}<M> needs M to be a multiple of 8 from 8 to 256.");
        }

        return bits;
    }

    private static int ComputeStaticSize(AbiTypeKind kind, AbiType? elementType, int length, AbiType[] components, string canonicalName)
    {
        long size = kind switch
        {
            AbiTypeKind.FixedArray => (long)elementType!.HeadSize * length,
            AbiTypeKind.Tuple => components.Sum(c => (long)c.HeadSize),
            _ => WordSize,
        };
        if (size > MaxStaticSize)
        {
            throw new AbiException($"ABI type '{Abbreviate(canonicalName)}' has a static encoding of {size} bytes; at most {MaxStaticSize} are supported.");
        }

        return (int)size;
    }
}
