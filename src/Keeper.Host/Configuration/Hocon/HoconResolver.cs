namespace Keeper.Host.Configuration.Hocon;

/// <summary>
/// Replaces substitutions once the whole document (includes merged) is known (HOCON.md "Substitutions").
/// Lookups start at the root and resolve only the nodes on their way, so an object may refer to its own fields.
/// A substitution written directly as a field's value (alone or in a concatenation) that points at that field or
/// below it is a self-reference: it sees the field's earlier definitions, never the one being written.
/// A path not found in the document falls back to the environment variable of the same name.
/// Every node is resolved once; meeting a node that is still being resolved is a cycle.
/// </summary>
public sealed class HoconResolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<HoconValue, HoconValue?> _done = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _active = new(ReferenceEqualityComparer.Instance);
    private readonly List<HoconSubstitution> _chain = [];

    private HoconResolver(HoconObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    /// <summary>Resolves every substitution in <paramref name="root"/>; the input is not changed.</summary>
    /// <param name="root">An unresolved tree from <see cref="HoconParser"/>.</param>
    /// <param name="environment">Looks up environment variables; defaults to the process environment.</param>
    /// <exception cref="HoconException">A required substitution is undefined, values cannot be concatenated, or substitutions form a cycle.</exception>
    public static HoconObject Resolve(HoconObject root, Func<string, string?>? environment = null)
    {
        var resolver = new HoconResolver(root, environment ?? Environment.GetEnvironmentVariable);
        return (HoconObject)resolver.Resolve(root, HoconPath.Root)!;
    }

    // The value of a node reached at path (null inside arrays); null means "undefined" (an unmet ${?x}).
    private HoconValue? Resolve(HoconValue node, HoconPath? path)
    {
        if (node is HoconScalar || (node is HoconObject or HoconArray && node.IsResolved))
        {
            return node;
        }

        if (_done.TryGetValue(node, out var known))
        {
            return known;
        }

        var result = Define(node, path, null);
        _done[node] = result;
        return result;
    }

    // The value that defining node over the earlier value below produces.
    private HoconValue? Define(HoconValue node, HoconPath? path, HoconValue? below)
    {
        if (!_active.Add(node))
        {
            throw Cycle(node);
        }

        try
        {
            switch (node)
            {
                case HoconObject obj:
                    return DefineObject(obj, path, below as HoconObject);
                case HoconArray array:
                    return new HoconArray(array.Origin, [.. array.Items.Select(item => Resolve(item, null)).OfType<HoconValue>()]);
                case HoconMerge merge:
                    return merge.Layers.Aggregate(below, (current, layer) => Define(layer, path, current));
                case HoconSubstitution or HoconConcatenation:
                    var value = node is HoconSubstitution s ? Substitute(s, path, below) : Concatenate((HoconConcatenation)node, path, below);
                    return value is null ? below
                        : value is HoconObject above && below is HoconObject under ? Merge(under, above)
                        : value;
                default:
                    return node;
            }
        }
        finally
        {
            _active.Remove(node);
        }
    }

    private HoconObject DefineObject(HoconObject obj, HoconPath? path, HoconObject? below)
    {
        var result = below is null ? new HoconObject(obj.Origin) : HoconCombine.CopyObject(below);
        foreach (var (key, value) in obj.Fields)
        {
            var earlier = result.TryGetValue(key, out var old) ? old : null;
            var defined = earlier is null ? Resolve(value, path?.Append(key)) : Define(value, path?.Append(key), earlier);
            if (defined is not null)
            {
                result.Set(key, defined);
            }
        }

        return result;
    }

    private HoconValue? Substitute(HoconSubstitution substitution, HoconPath? path, HoconValue? below)
    {
        _chain.Add(substitution);
        try
        {
            foreach (var candidate in substitution.Candidates)
            {
                var found = path is not null && candidate.StartsWith(path)
                    ? Find(below, candidate.Skip(path.Length))
                    : LookUp(candidate);
                if (found is not null)
                {
                    return found;
                }
            }
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }

        var variable = _environment(string.Join('.', substitution.Path.Segments));
        if (variable is not null)
        {
            return new HoconString(substitution.Origin, variable);
        }

        return substitution.Optional ? null : throw new HoconException(substitution.Origin,
            $"substitution {substitution} is not defined; define {substitution.Path} or use ${{?{substitution.Path}}} if it is optional");
    }

    // Walks from the root, resolving only the nodes on the way.
    private HoconValue? LookUp(HoconPath path)
    {
        HoconValue node = _root;
        var walked = HoconPath.Root;
        foreach (var segment in path.Segments)
        {
            var container = node is HoconObject plain ? plain : Resolve(node, walked) as HoconObject;
            if (container is null || !container.TryGetValue(segment, out node!))
            {
                return null;
            }

            walked = walked.Append(segment);
        }

        return Resolve(node, walked);
    }

    private static HoconValue? Find(HoconValue? value, HoconPath path)
    {
        foreach (var segment in path.Segments)
        {
            if (value is not HoconObject obj || !obj.TryGetValue(segment, out value!))
            {
                return null;
            }
        }

        return value;
    }

    private HoconValue? Concatenate(HoconConcatenation concatenation, HoconPath? path, HoconValue? below)
    {
        var parts = new List<HoconValue>();
        foreach (var part in concatenation.Parts)
        {
            var value = part is HoconSubstitution s ? Substitute(s, path, below) : Resolve(part, null);
            if (value is not null)
            {
                parts.Add(value);
            }
        }

        while (parts.Count > 0 && parts[0] is HoconString { IsSeparator: true })
        {
            parts.RemoveAt(0);
        }

        while (parts.Count > 0 && parts[^1] is HoconString { IsSeparator: true })
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0)
        {
            return null;
        }

        // Resolved objects may be shared with other paths, so objects merge without mutation here.
        var solid = parts.Where(part => part is not HoconString { IsSeparator: true }).ToList();
        if (solid.Count > 1 && solid.All(part => part is HoconObject))
        {
            return solid.Skip(1).Aggregate((HoconObject)solid[0], (merged, part) => Merge(merged, (HoconObject)part));
        }

        return HoconCombine.Concatenate(parts, concatenation.Origin);
    }

    private static HoconObject Merge(HoconObject below, HoconObject above)
    {
        var merged = HoconCombine.CopyObject(below);
        foreach (var (key, value) in above.Fields)
        {
            merged.Set(key, value is HoconObject child && merged.TryGetValue(key, out var old) && old is HoconObject under
                ? Merge(under, child)
                : value);
        }

        return merged;
    }

    private HoconException Cycle(HoconValue node)
    {
        var at = _chain.Count > 0 ? _chain[^1] : null;
        var chain = string.Join(" -> ", _chain.Select(s => s.ToString()));
        return new HoconException(at?.Origin ?? node.Origin,
            $"substitution cycle: {chain} leads back to a value that is still being resolved; " +
            "make one of these values independent of the others");
    }
}
