namespace Keeper.Host.Configuration.Hocon;

/// <summary>
/// The merge rules of HOCON.md "Duplicate keys and object merging" and "Value concatenation", applied to
/// values that need no substitution (the parser) and to resolved values (the resolver).
/// </summary>
internal static class HoconCombine
{
    /// <summary>
    /// Defines a key again: objects merge field by field, other values replace. When either side still depends on
    /// a substitution the decision waits for resolution in a <see cref="HoconMerge"/>.
    /// Mutates <paramref name="existing"/> when both are objects; the parser only combines values it owns.
    /// </summary>
    public static HoconValue Redefine(HoconValue? existing, HoconValue incoming)
    {
        if (existing is null)
        {
            return incoming;
        }

        if (incoming is HoconObject incomingObject)
        {
            return existing switch
            {
                HoconObject existingObject => MergeObjects(existingObject, incomingObject),
                HoconMerge or HoconSubstitution or HoconConcatenation => Stack(existing, incoming),
                _ => incoming,
            };
        }

        return incoming is HoconMerge or HoconSubstitution or HoconConcatenation ? Stack(existing, incoming) : incoming;
    }

    /// <summary>Copies the fields of <paramref name="incoming"/> onto <paramref name="existing"/> with <see cref="Redefine"/>.</summary>
    public static HoconObject MergeObjects(HoconObject existing, HoconObject incoming)
    {
        foreach (var (key, value) in incoming.Fields)
        {
            existing.Set(key, Redefine(existing.TryGetValue(key, out var old) ? old : null, value));
        }

        return existing;
    }

    /// <summary>A deep copy of a resolved object, so that merging never changes a value another path shares.</summary>
    public static HoconObject CopyObject(HoconObject source)
    {
        var copy = new HoconObject(source.Origin);
        foreach (var (key, value) in source.Fields)
        {
            copy.Set(key, value is HoconObject child ? CopyObject(child) : value);
        }

        return copy;
    }

    /// <summary>
    /// Joins concatenation parts that need no substitution: all simple values make a string, all arrays one array,
    /// all objects one merged object. Separator whitespace counts only between simple values.
    /// </summary>
    public static HoconValue Concatenate(IReadOnlyList<HoconValue> parts, HoconOrigin origin)
    {
        var solid = parts.Where(part => part is not HoconString { IsSeparator: true }).ToList();
        if (solid.Count == 1)
        {
            return solid[0];
        }

        var first = solid[0];
        foreach (var part in solid)
        {
            var compatible = first switch
            {
                HoconArray => part is HoconArray,
                HoconObject => part is HoconObject,
                _ => part is HoconScalar,
            };
            if (!compatible)
            {
                throw new HoconException(part.Origin,
                    $"cannot concatenate {first.KindName} with {part.KindName}; separate values with a comma or a new line, " +
                    "or put text in double quotes");
            }
        }

        return first switch
        {
            HoconArray => new HoconArray(first.Origin, [.. solid.SelectMany(part => ((HoconArray)part).Items)]),
            HoconObject => solid.Skip(1).Aggregate((HoconObject)first, (merged, part) => MergeObjects(merged, (HoconObject)part)),
            _ => new HoconString(origin, string.Concat(parts.Select(part => ((HoconScalar)part).Text))),
        };
    }

    private static HoconMerge Stack(HoconValue existing, HoconValue incoming)
    {
        var layers = new List<HoconValue>();
        layers.AddRange(existing is HoconMerge below ? below.Layers : [existing]);
        layers.AddRange(incoming is HoconMerge above ? above.Layers : [incoming]);
        return new HoconMerge(existing.Origin, layers);
    }
}
