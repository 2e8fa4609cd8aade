namespace Keeper.Chain.Beacon.Ssz;

/// <summary>
/// A container: named fields in order. Fixed-size fields sit inline in the fixed part; each variable-size field has a
/// 4-byte offset there and its bytes after the fixed part.
/// </summary>
public sealed class SszContainerType : SszType
{
    private readonly int[] _fixedPositions;
    private readonly int[] _variableOrdinals;
    private readonly int[] _variableFields;
    private readonly Dictionary<string, int> _indexByName;
    private readonly int _fixedPartSize;
    private readonly int _depth;
    private readonly bool _hasInvariants;

    /// <summary>Creates a container named <paramref name="name"/> with <paramref name="fields"/> in spec order.</summary>
    public SszContainerType(string name, IReadOnlyList<SszField> fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (fields.Count == 0)
        {
            throw new ArgumentException($"Container {name} needs at least one field.", nameof(fields));
        }

        Name = name;
        Fields = fields;
        _fixedPositions = new int[fields.Count];
        _variableOrdinals = new int[fields.Count];
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        var variable = new List<int>();
        var position = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            if (!_indexByName.TryAdd(fields[i].Name, i))
            {
                throw new ArgumentException($"Container {name} has two fields named '{fields[i].Name}'.", nameof(fields));
            }

            _fixedPositions[i] = position;
            _variableOrdinals[i] = fields[i].Type.IsFixedSize ? -1 : variable.Count;
            if (!fields[i].Type.IsFixedSize)
            {
                variable.Add(i);
            }

            position += fields[i].Type.IsFixedSize ? fields[i].Type.FixedSize : SszOffsets.Size;
            _hasInvariants |= fields[i].Type.HasInvariants || !fields[i].Type.IsFixedSize;
        }

        _variableFields = [.. variable];
        _fixedPartSize = position;
        _depth = Merkle.Depth((ulong)fields.Count);
        IsFixedSize = variable.Count == 0;
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <summary>The fields in order.</summary>
    public IReadOnlyList<SszField> Fields { get; }

    /// <inheritdoc />
    public override bool IsFixedSize { get; }

    /// <inheritdoc />
    public override int FixedSize => IsFixedSize ? _fixedPartSize : 0;

    /// <summary>The depth of the fields' Merkle tree: ceil(log2(field count)).</summary>
    public int Depth => _depth;

    internal override bool HasInvariants => _hasInvariants;

    /// <summary>The position of a field in <see cref="Fields"/>.</summary>
    /// <exception cref="ArgumentException">The container has no such field.</exception>
    public int IndexOf(string fieldName) =>
        _indexByName.TryGetValue(fieldName, out var index)
            ? index
            : throw new ArgumentException($"{Name} has no field '{fieldName}'; its fields are {string.Join(", ", Fields.Select(f => f.Name))}.", nameof(fieldName));

    /// <summary>The field's type.</summary>
    public SszType FieldType(string fieldName) => Fields[IndexOf(fieldName)].Type;

    /// <summary>Where a field lies in a serialized container (which must be valid).</summary>
    public SszSlice FieldSlice(ReadOnlySpan<byte> serialized, string fieldName) => FieldSlice(serialized, IndexOf(fieldName));

    /// <summary>Where the field at <paramref name="index"/> lies in a serialized container (which must be valid).</summary>
    public SszSlice FieldSlice(ReadOnlySpan<byte> serialized, int index)
    {
        var type = Fields[index].Type;
        if (type.IsFixedSize)
        {
            return new SszSlice(_fixedPositions[index], type.FixedSize);
        }

        var start = SszOffsets.Read(serialized, _fixedPositions[index]);
        var ordinal = _variableOrdinals[index];
        var end = ordinal + 1 < _variableFields.Length
            ? SszOffsets.Read(serialized, _fixedPositions[_variableFields[ordinal + 1]])
            : serialized.Length;
        return new SszSlice(start, end - start);
    }

    /// <summary>
    /// Serializes a container from its fields' serialized values; fields not given take their default value. Each given
    /// field is validated against its type.
    /// </summary>
    /// <exception cref="SszException">A field is unknown or not a value of its type (the path names it).</exception>
    public byte[] Serialize(IReadOnlyDictionary<string, byte[]> fields)
    {
        foreach (var name in fields.Keys)
        {
            if (!_indexByName.ContainsKey(name))
            {
                throw new SszException(Name, $"there is no field '{name}'; the fields are {string.Join(", ", Fields.Select(f => f.Name))}");
            }
        }

        var values = new byte[Fields.Count][];
        for (var i = 0; i < Fields.Count; i++)
        {
            if (fields.TryGetValue(Fields[i].Name, out var given))
            {
                try
                {
                    Fields[i].Type.ValidateCore(given);
                }
                catch (SszException e)
                {
                    throw e.Under(Fields[i].Name).Under(Name);
                }

                values[i] = given;
            }
            else
            {
                values[i] = Fields[i].Type.DefaultValue();
            }
        }

        return Layout(values);
    }

    /// <inheritdoc />
    public override byte[] DefaultValue() => Layout(Fields.Select(f => f.Type.DefaultValue()).ToArray());

    internal override void ValidateCore(ReadOnlySpan<byte> serialized)
    {
        if (IsFixedSize)
        {
            RequireLength(serialized);
        }
        else if (serialized.Length < _fixedPartSize)
        {
            throw new SszException("", $"a {Name} needs at least {_fixedPartSize} bytes for its fixed part; got {serialized.Length}");
        }

        var previous = _fixedPartSize;
        for (var v = 0; v < _variableFields.Length; v++)
        {
            var offset = SszOffsets.Read(serialized, _fixedPositions[_variableFields[v]]);
            var expected = v == 0 ? $"exactly {_fixedPartSize} (the fixed part's size)" : $"between {previous} and {serialized.Length}";
            if ((v == 0 && offset != _fixedPartSize) || offset < previous || offset > serialized.Length)
            {
                throw new SszException(Fields[_variableFields[v]].Name, $"the offset is {offset}; it must be {expected}");
            }

            previous = offset;
        }

        if (!_hasInvariants)
        {
            return;
        }

        for (var i = 0; i < Fields.Count; i++)
        {
            var type = Fields[i].Type;
            if (type.IsFixedSize && !type.HasInvariants)
            {
                continue;
            }

            try
            {
                type.ValidateCore(FieldSlice(serialized, i).In(serialized));
            }
            catch (SszException e)
            {
                throw e.Under(Fields[i].Name);
            }
        }
    }

    internal override void WriteRoot(ReadOnlySpan<byte> serialized, Span<byte> root)
    {
        Span<byte> leaves = stackalloc byte[(1 << _depth) * 32];
        WriteFieldRoots(serialized, leaves);
        Merkle.RootInPlace(leaves[..(Fields.Count * 32)], _depth, root);
    }

    /// <summary>Writes each field's root, 32 bytes apiece, into <paramref name="leaves"/>.</summary>
    internal void WriteFieldRoots(ReadOnlySpan<byte> serialized, Span<byte> leaves)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            Fields[i].Type.WriteRoot(FieldSlice(serialized, i).In(serialized), leaves.Slice(i * 32, 32));
        }
    }

    private byte[] Layout(byte[][] values)
    {
        long total = _fixedPartSize;
        foreach (var i in _variableFields)
        {
            total += values[i].Length;
        }

        var result = new byte[total];
        var tail = _fixedPartSize;
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Type.IsFixedSize)
            {
                values[i].CopyTo(result, _fixedPositions[i]);
            }
            else
            {
                SszOffsets.Write(result, _fixedPositions[i], tail);
                values[i].CopyTo(result, tail);
                tail += values[i].Length;
            }
        }

        return result;
    }
}
