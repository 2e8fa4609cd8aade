using System.Globalization;

namespace Keeper.Chain.Abi;

/// <summary>
/// The types of a sequence being encoded or decoded: a tuple's components, or one element type repeated for an array.
/// A struct so that encoding and decoding arrays allocates no list of repeated types.
/// </summary>
internal readonly struct TypeList
{
    private readonly IReadOnlyList<AbiType>? _types;
    private readonly AbiType? _element;

    public TypeList(IReadOnlyList<AbiType> types)
    {
        _types = types;
        Count = types.Count;
    }

    public TypeList(AbiType element, int count)
    {
        _element = element;
        Count = count;
    }

    public int Count { get; }

    public AbiType this[int index] => _element ?? _types![index];

    /// <summary>The component types of a tuple, or the element type of a fixed array repeated <paramref name="count"/> times.</summary>
    public static TypeList Of(AbiType type, int count) =>
        type.Kind == AbiTypeKind.Tuple ? new TypeList(type.Components) : new TypeList(type.ElementType!, count);

    /// <summary>How a value's position in this sequence is written in an error path: <c>[i]</c> for elements, <c>.i</c> for components.</summary>
    public string Segment(int index) =>
        (_element is null ? "." : "[") + index.ToString(CultureInfo.InvariantCulture) + (_element is null ? string.Empty : "]");
}
