using Keeper.Host.Configuration.Hocon;

namespace Keeper.Host.Node;

/// <summary>
/// The keys hocon/reference.conf documents under <c>keeper</c>: the only ones a configuration may set there, so that a
/// misspelt key fails at start-up instead of leaving its default silently in force. Keys under <c>akka</c> belong to
/// Akka and are not checked. Every section of reference.conf has fixed keys (none holds a map keyed by user names).
/// </summary>
internal sealed class SettingsKeys
{
    /// <summary>The section whose keys are checked.</summary>
    public const string Section = "keeper";

    private readonly HoconObject _reference;

    // Every known path under keeper (sections and values), in reference.conf order.
    private readonly List<HoconPath> _known = [];

    /// <summary>Reads the known keys from a resolved reference tree.</summary>
    public SettingsKeys(HoconObject reference)
    {
        _reference = reference;
        if (reference.TryGetValue(Section, out var keeper))
        {
            Collect(HoconPath.Of(Section), keeper);
        }
    }

    /// <summary>The value reference.conf gives <paramref name="path"/> (any section, akka included), or null.</summary>
    public HoconValue? Reference(HoconPath path)
    {
        HoconValue node = _reference;
        foreach (var segment in path.Segments)
        {
            if (node is not HoconObject obj || !obj.TryGetValue(segment, out node!))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>
    /// Refuses the first key under <c>keeper</c> that reference.conf does not have, naming where it was set and the
    /// nearest known key (others found are listed after it).
    /// </summary>
    /// <exception cref="SettingsException">An unknown key is set.</exception>
    public void ThrowIfUnknown(HoconObject root)
    {
        var unknown = new List<(HoconPath Path, HoconValue Value)>();
        if (root.TryGetValue(Section, out var keeper) && Reference(HoconPath.Of(Section)) is { } known)
        {
            FindUnknown(HoconPath.Of(Section), keeper, known, unknown);
        }

        if (unknown.Count == 0)
        {
            return;
        }

        // In the order they were written, not reference.conf's.
        unknown = [.. unknown.OrderBy(u => u.Value.Origin.Source, StringComparer.Ordinal).ThenBy(u => u.Value.Origin.Line).ThenBy(u => u.Value.Origin.Column)];
        var (path, value) = unknown[0];
        var others = unknown.Count == 1 ? string.Empty
            : " Also unknown: " + string.Join(", ", unknown.Skip(1).Select(u => $"{u.Path} ({u.Value.Origin})")) + ".";
        throw new SettingsException(path.ToString(),
            $"is not a known key (set at {value.Origin}); {Hint(path, p => p.ToString())} hocon/reference.conf lists every key.{others}");
    }

    /// <summary>
    /// One sentence that helps fix the unknown <paramref name="path"/>: "did you mean …?" with the nearest known key, or
    /// the keys of the nearest known section when none is close. <paramref name="spell"/> writes a suggested key.
    /// </summary>
    public string Hint(HoconPath path, Func<HoconPath, string> spell)
    {
        if (Nearest(path) is { } nearest)
        {
            return $"did you mean {spell(nearest)}?";
        }

        var section = DeepestKnownSection(path) ?? HoconPath.Of(Section);
        var children = Reference(section) is HoconObject obj ? string.Join(", ", obj.Keys) : string.Empty;
        return $"{section} has: {children}.";
    }

    /// <summary>
    /// The known key nearest to <paramref name="path"/>: a known value above it (a value written as a section); else the
    /// closest (Levenshtein, ignoring case) among the keys of its deepest known section, compared below that section,
    /// when within a third of the length; else a key of the same name in another section (a key written in the wrong
    /// section); else null.
    /// </summary>
    public HoconPath? Nearest(HoconPath path)
    {
        // keeper.http.port.number: keeper.http.port is a value, so that is what was meant.
        for (var length = path.Length - 1; length > 1; length--)
        {
            var ancestor = HoconPath.Of(path.Segments.Take(length));
            if (ancestor.Segments[0] == Section && Reference(ancestor) is { } known && known is not HoconObject)
            {
                return ancestor;
            }
        }

        var section = DeepestKnownSection(path) ?? HoconPath.Root;
        var below = path.Skip(section.Length).ToString();
        HoconPath? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in _known.Where(k => k.Length > section.Length && k.StartsWith(section)))
        {
            var distance = EditDistance.Between(below, candidate.Skip(section.Length).ToString());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        if (best is not null && bestDistance <= EditDistance.Allowance(below.Length))
        {
            return best;
        }

        var leaf = path.Segments[^1];
        return _known.FirstOrDefault(k => k.Length > 1 && !k.Equals(path) && string.Equals(k.Segments[^1], leaf, StringComparison.OrdinalIgnoreCase)
            && Reference(k) is not HoconObject);
    }

    private HoconPath? DeepestKnownSection(HoconPath path)
    {
        for (var length = path.Length - 1; length > 0; length--)
        {
            var ancestor = HoconPath.Of(path.Segments.Take(length));
            if (ancestor.Segments[0] == Section && Reference(ancestor) is HoconObject)
            {
                return ancestor;
            }
        }

        return null;
    }

    private void Collect(HoconPath path, HoconValue value)
    {
        _known.Add(path);
        if (value is HoconObject obj)
        {
            foreach (var (key, child) in obj.Fields)
            {
                Collect(path.Append(key), child);
            }
        }
    }

    // Walks what is set against what reference.conf knows; everything below an unknown key is reported by its full path.
    private static void FindUnknown(HoconPath path, HoconValue value, HoconValue? known, List<(HoconPath, HoconValue)> unknown)
    {
        if (known is null)
        {
            if (value is HoconObject { Count: > 0 } unknownSection)
            {
                foreach (var (key, child) in unknownSection.Fields)
                {
                    FindUnknown(path.Append(key), child, null, unknown);
                }
            }
            else
            {
                unknown.Add((path, value));
            }

            return;
        }

        if (value is HoconObject obj)
        {
            var knownSection = known as HoconObject;
            foreach (var (key, child) in obj.Fields)
            {
                HoconValue? knownChild = null;
                knownSection?.TryGetValue(key, out knownChild);
                FindUnknown(path.Append(key), child, knownChild, unknown);
            }
        }
    }
}
