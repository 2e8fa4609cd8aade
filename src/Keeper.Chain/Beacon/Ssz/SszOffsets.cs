using System.Buffers.Binary;

namespace Keeper.Chain.Beacon.Ssz;

/// <summary>The 4-byte little-endian offsets that locate variable-size parts of a serialized value.</summary>
internal static class SszOffsets
{
    public const int Size = 4;

    public static int Read(ReadOnlySpan<byte> serialized, int position) =>
        (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(serialized.Slice(position, Size)), int.MaxValue);

    public static void Write(Span<byte> target, int position, int offset) =>
        BinaryPrimitives.WriteUInt32LittleEndian(target.Slice(position, Size), (uint)offset);

    /// <summary>
    /// Checks the offset table of a sequence of variable-size elements and returns how many elements it has: the first
    /// offset is the table's size, every offset lies inside the bytes and none goes backwards.
    /// </summary>
    public static int CheckSequence(ReadOnlySpan<byte> serialized)
    {
        if (serialized.Length == 0)
        {
            return 0;
        }

        if (serialized.Length < Size)
        {
            throw new SszException("", $"{serialized.Length} bytes cannot hold the first 4-byte offset");
        }

        var first = Read(serialized, 0);
        if (first == 0 || first % Size != 0 || first > serialized.Length)
        {
            throw new SszException("", $"the first offset ({first}) must be a non-zero multiple of 4 within the {serialized.Length} bytes");
        }

        var count = first / Size;
        var previous = first;
        for (var i = 1; i < count; i++)
        {
            var offset = Read(serialized, i * Size);
            if (offset < previous || offset > serialized.Length)
            {
                throw new SszException($"[{i}]", $"offset {offset} must lie between the previous offset {previous} and the end ({serialized.Length})");
            }

            previous = offset;
        }

        return count;
    }

    /// <summary>The slice of element <paramref name="index"/> of <paramref name="count"/> variable-size elements.</summary>
    public static SszSlice Element(ReadOnlySpan<byte> serialized, int index, int count)
    {
        var start = Read(serialized, index * Size);
        var end = index + 1 < count ? Read(serialized, (index + 1) * Size) : serialized.Length;
        return new SszSlice(start, end - start);
    }
}
