namespace Keeper.Chain.Beacon.Ssz;

/// <summary>What vectors and lists share: elements of one type, fixed-size ones back to back, variable-size ones behind an offset table.</summary>
public abstract class SszSequenceType : SszType
{
    /// <summary>Creates a sequence of <paramref name="elementType"/>.</summary>
    protected SszSequenceType(SszType elementType)
    {
        ElementType = elementType;
    }

    /// <summary>The type of every element.</summary>
    public SszType ElementType { get; }

    /// <summary>The most elements a value may hold (a vector's length, a list's limit).</summary>
    public abstract long Capacity { get; }

    /// <summary>The number of elements in serialized bytes.</summary>
    public int Count(ReadOnlySpan<byte> serialized)
    {
        if (ElementType.IsFixedSize)
        {
            return serialized.Length / ElementType.FixedSize;
        }

        return serialized.Length == 0 ? 0 : SszOffsets.Read(serialized, 0) / SszOffsets.Size;
    }

    /// <summary>Where element <paramref name="index"/> lies in the serialized bytes.</summary>
    public SszSlice ElementSlice(ReadOnlySpan<byte> serialized, int index)
    {
        var count = Count(serialized);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return ElementType.IsFixedSize
            ? new SszSlice(index * ElementType.FixedSize, ElementType.FixedSize)
            : SszOffsets.Element(serialized, index, count);
    }

    /// <summary>
    /// Serializes the elements, each validated against <see cref="ElementType"/>. Fixed-size elements are
    /// concatenated; variable-size ones get an offset table.
    /// </summary>
    /// <exception cref="SszException">An element is not a value of the element type, or the count does not fit.</exception>
    public byte[] Serialize(IReadOnlyList<byte[]> elements)
    {
        CheckCount(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            try
            {
                ElementType.ValidateCore(elements[i]);
            }
            catch (SszException e)
            {
                throw e.Under($"[{i}]").Under(Name);
            }
        }

        return Concatenate(ElementType, elements);
    }

    /// <summary>Lays out already valid elements.</summary>
    internal static byte[] Concatenate(SszType elementType, IReadOnlyList<byte[]> elements)
    {
        var table = elementType.IsFixedSize ? 0 : elements.Count * SszOffsets.Size;
        long total = table;
        foreach (var element in elements)
        {
            total += element.Length;
        }

        var result = new byte[total];
        var position = table;
        for (var i = 0; i < elements.Count; i++)
        {
            if (!elementType.IsFixedSize)
            {
                SszOffsets.Write(result, i * SszOffsets.Size, position);
            }

            elements[i].CopyTo(result, position);
            position += elements[i].Length;
        }

        return result;
    }

    /// <summary>Throws when a sequence of <paramref name="count"/> elements is not allowed.</summary>
    internal abstract void CheckCount(long count);

    /// <summary>Validates the elements and returns their count.</summary>
    internal int ValidateElements(ReadOnlySpan<byte> serialized)
    {
        int count;
        if (ElementType.IsFixedSize)
        {
            if (serialized.Length % ElementType.FixedSize != 0)
            {
                throw new SszException("", $"{serialized.Length} bytes is not a whole number of {ElementType.FixedSize}-byte {ElementType.Name} elements");
            }

            count = serialized.Length / ElementType.FixedSize;
        }
        else
        {
            count = SszOffsets.CheckSequence(serialized);
        }

        CheckCount(count);
        if (ElementType.HasInvariants || !ElementType.IsFixedSize)
        {
            for (var i = 0; i < count; i++)
            {
                var slice = ElementType.IsFixedSize
                    ? new SszSlice(i * ElementType.FixedSize, ElementType.FixedSize)
                    : SszOffsets.Element(serialized, i, count);
                try
                {
                    ElementType.ValidateCore(slice.In(serialized));
                }
                catch (SszException e)
                {
                    throw e.Under($"[{i}]");
                }
            }
        }

        return count;
    }

    /// <summary>The merkle root of the elements (before a list's length mix-in), <paramref name="limit"/> elements wide.</summary>
    internal void WriteElementsRoot(ReadOnlySpan<byte> serialized, long limit, Span<byte> root)
    {
        if (ElementType.IsBasic)
        {
            var limitChunks = ((limit * ElementType.FixedSize) + 31) / 32;
            Merkle.Root(serialized, Merkle.Depth((ulong)limitChunks), root);
            return;
        }

        var count = Count(serialized);
        var roots = new byte[count * 32];
        for (var i = 0; i < count; i++)
        {
            var slice = ElementType.IsFixedSize
                ? new SszSlice(i * ElementType.FixedSize, ElementType.FixedSize)
                : SszOffsets.Element(serialized, i, count);
            ElementType.WriteRoot(slice.In(serialized), roots.AsSpan(i * 32, 32));
        }

        Merkle.RootInPlace(roots, Merkle.Depth((ulong)limit), root);
    }
}
