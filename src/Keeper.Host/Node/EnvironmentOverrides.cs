using System.Globalization;
using System.Text.RegularExpressions;
using Keeper.Host.Configuration;
using Keeper.Host.Configuration.Hocon;

namespace Keeper.Host.Node;

/// <summary>
/// Applies <c>KEEPER_</c> environment variables over a configuration: the name after the prefix is the key path with
/// <c>__</c> between keys (<c>KEEPER_keeper__http__port=9999</c> sets <c>keeper.http.port</c>). Names are read in lower
/// case and a single <c>_</c> stands for <c>-</c> (shells cannot export names holding <c>-</c>), so
/// <c>KEEPER_KEEPER__CHAIN__RPC_TIMEOUT</c> is <c>keeper.chain.rpc-timeout</c> too. A trailing number picks an element of
/// a list (<c>__0</c> replaces the first, the list's length appends one); a list given whole is written as HOCON,
/// <c>["http://a:8545", "http://b:8545"]</c>. Values are read as the reference key's type: durations, sizes, numbers,
/// booleans, strings. Only <c>keeper</c> and <c>akka</c> keys can be set; an unknown <c>keeper</c> key is refused.
/// </summary>
internal static partial class EnvironmentOverrides
{
    /// <summary>The prefix of an override's name.</summary>
    public const string Prefix = "KEEPER_";

    /// <summary>What separates keys in an override's name.</summary>
    public const string Separator = "__";

    private const string AkkaSection = "akka";

    private enum Kind
    {
        Text,
        Boolean,
        Number,
        Duration,
        Size,
    }

    /// <summary>True for the variables read as overrides: named <c>KEEPER_…</c> with <c>__</c> after the prefix.</summary>
    public static bool IsOverride(string variable) =>
        variable.StartsWith(Prefix, StringComparison.Ordinal) && variable.IndexOf(Separator, Prefix.Length, StringComparison.Ordinal) >= 0;

    /// <summary>The variable that sets <paramref name="path"/>, as documented: <c>KEEPER_keeper__chain__rpc-timeout</c>.</summary>
    public static string VariableFor(HoconPath path) => Prefix + string.Join(Separator, path.Segments);

    /// <summary>
    /// <paramref name="config"/> with every override in <paramref name="environment"/> applied (in name order; list
    /// elements in index order after the lists given whole). The input is not changed. Each override is checked on its
    /// own: with <paramref name="errors"/> a wrong one is added there and skipped, so every wrong override is reported at once.
    /// </summary>
    /// <exception cref="SettingsException">Without <paramref name="errors"/>: an override names an unknown key, a section, or a value of the wrong type (all of them in one exception).</exception>
    public static HoconConfig Apply(HoconConfig config, SettingsKeys keys, IReadOnlyDictionary<string, string> environment, List<SettingsException>? errors = null)
    {
        var found = new List<SettingsException>();
        var result = ApplyEach(config, keys, environment, found);
        if (errors is not null)
        {
            errors.AddRange(found);
            return result;
        }

        return SettingsException.Of(found) is { } error ? throw error : result;
    }

    private static HoconConfig ApplyEach(HoconConfig config, SettingsKeys keys, IReadOnlyDictionary<string, string> environment, List<SettingsException> errors)
    {
        var overrides = new List<Override>();
        foreach (var name in environment.Keys.Where(IsOverride).Order(StringComparer.Ordinal))
        {
            Try(errors, () => overrides.Add(Read(name, environment[name])));
        }

        if (overrides.Count == 0)
        {
            return config;
        }

        var clashes = overrides.GroupBy(o => o.Path).Where(g => g.Count() > 1).ToArray();
        foreach (var clash in clashes)
        {
            errors.Add(new SettingsException(clash.Key.ToString(),
                $"is set by more than one environment variable ({string.Join(", ", clash.Select(o => o.Variable))}); keep one."));
        }

        var root = HoconCombine.CopyObject(config.Root);
        var elements = new List<(Override Override, HoconPath List, int Index)>();
        foreach (var entry in overrides.Where(o => !clashes.Any(c => c.Key == o.Path)))
        {
            Try(errors, () =>
            {
                if (Element(root, keys, entry) is { } element)
                {
                    elements.Add((entry, element.List, element.Index));
                }
                else
                {
                    SetValue(root, keys, entry);
                }
            });
        }

        foreach (var (entry, list, index) in elements.OrderBy(e => e.List.ToString(), StringComparer.Ordinal).ThenBy(e => e.Index))
        {
            Try(errors, () => SetElement(root, keys, entry, list, index));
        }

        return HoconConfig.FromResolved(root);
    }

    private static void Try(List<SettingsException> errors, Action apply)
    {
        try
        {
            apply();
        }
        catch (SettingsException ex)
        {
            errors.Add(ex);
        }
    }

    private static Override Read(string variable, string value)
    {
        var segments = variable[Prefix.Length..].ToLowerInvariant().Split(Separator);
        if (segments.Any(s => s.Length == 0))
        {
            throw new SettingsException(variable,
                $"the environment variable {variable} has an empty key between '{Separator}' separators; name overrides like KEEPER_keeper__http__port.");
        }

        var path = HoconPath.Of(segments.Select(s => s.Replace('_', '-')));
        return new Override(variable, path, value, HoconOrigin.Outside($"environment variable {variable}"));
    }

    // (list path, index) when the override sets one element of a list: its last key is a number and the key above it a list.
    private static (HoconPath List, int Index)? Element(HoconObject root, SettingsKeys keys, Override entry)
    {
        var path = entry.Path;
        if (path.Length < 2 || !int.TryParse(path.Segments[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        var list = HoconPath.Of(path.Segments.Take(path.Length - 1));
        return keys.Reference(list) is HoconArray || Find(root, list) is HoconArray ? (list, index) : null;
    }

    private static void SetValue(HoconObject root, SettingsKeys keys, Override entry)
    {
        var reference = Check(keys, entry, entry.Path);
        var current = Find(root, entry.Path);
        if (reference is HoconObject || (reference is null && current is HoconObject))
        {
            var example = reference is HoconObject { Count: > 0 } section ? $", e.g. {VariableFor(entry.Path.Append(section.Keys[0]))}" : string.Empty;
            throw Refuse(entry, entry.Path, "is a section", $"; set its keys one by one{example}.");
        }

        var value = reference is HoconArray || (reference is null && current is HoconArray)
            ? List(entry, reference as HoconArray ?? (HoconArray)current!)
            : Typed(entry, entry.Path, KindOf(reference));
        Set(root, entry, entry.Path, value);
    }

    private static void SetElement(HoconObject root, SettingsKeys keys, Override entry, HoconPath listPath, int index)
    {
        var reference = Check(keys, entry, listPath);
        if (Find(root, listPath) is not HoconArray list)
        {
            throw Refuse(entry, listPath, "is not a list here", " (the configuration replaced it), so it has no elements to set.");
        }

        if (index > list.Items.Count)
        {
            throw Refuse(entry, listPath, $"has {list.Items.Count} element(s), so there is no element {index}",
                $"; an index from 0 to {list.Items.Count - 1} replaces one, {list.Items.Count} appends one.");
        }

        var element = Typed(entry, entry.Path, KindOf(ElementReference(reference as HoconArray ?? list)));
        var items = list.Items.ToList();
        if (index == items.Count)
        {
            items.Add(element);
        }
        else
        {
            items[index] = element;
        }

        Set(root, entry, listPath, new HoconArray(list.Origin, items));
    }

    // The reference value of a path an override sets; refuses paths outside keeper and akka and unknown keeper keys.
    private static HoconValue? Check(SettingsKeys keys, Override entry, HoconPath path)
    {
        var section = path.Segments[0];
        if (section == AkkaSection)
        {
            return keys.Reference(path);
        }

        if (section == SettingsKeys.Section && keys.Reference(path) is { } known)
        {
            return known;
        }

        var where = section == SettingsKeys.Section ? "is not a known key" : "is outside the keeper and akka sections, the only ones overrides set";
        throw Refuse(entry, path, where, $"; {keys.Hint(path, p => $"{p} ({VariableFor(p)})")} hocon/reference.conf lists every key.");
    }

    private static HoconArray List(Override entry, HoconArray reference)
    {
        HoconValue? parsed;
        try
        {
            parsed = HoconConfig.Parse("value = " + entry.Value, entry.Origin.Source, environment: _ => null).GetValue("value");
        }
        catch (HoconException ex)
        {
            throw Refuse(entry, entry.Path, "is a list", $"; write it as [\"a\", \"b\"] ({ex.Problem}), or set one element with {entry.Variable}__0.");
        }

        if (parsed is not HoconArray array)
        {
            throw Refuse(entry, entry.Path, "is a list", $"; write it as [\"a\", \"b\"], or set one element with {entry.Variable}__0.");
        }

        var kind = KindOf(ElementReference(reference));
        return new HoconArray(entry.Origin, [.. array.Items.Select((item, i) => item is HoconScalar and not HoconNull
            ? Typed(entry with { Value = ((HoconScalar)item).Text }, entry.Path.Append(i.ToString(CultureInfo.InvariantCulture)), kind)
            : throw Refuse(entry, entry.Path, $"element {i} is {item.KindName}", "; list overrides hold strings, numbers and booleans only."))]);
    }

    private static HoconValue? ElementReference(HoconArray list) => list.Items.Count > 0 ? list.Items[0] : null;

    // What the reference value says the key holds: durations and sizes are strings that parse as such.
    private static Kind KindOf(HoconValue? reference) => reference switch
    {
        HoconBoolean or HoconString { Value: "true" or "false" or "yes" or "no" or "on" or "off" } => Kind.Boolean,
        HoconNumber => Kind.Number,
        HoconString s when HoconUnits.TryParseDuration(s.Value, out _, out _) => Kind.Duration,
        HoconString s when HoconUnits.TryParseByteSize(s.Value, out _, out _) => Kind.Size,
        _ => Kind.Text,
    };

    private static HoconValue Typed(Override entry, HoconPath path, Kind kind)
    {
        var text = entry.Value;
        var origin = entry.Origin;
        string? problem = null;
        HoconValue? value = kind switch
        {
            Kind.Boolean => text.ToLowerInvariant() switch
            {
                "true" or "yes" or "on" => new HoconBoolean(origin, true),
                "false" or "no" or "off" => new HoconBoolean(origin, false),
                _ => null,
            },
            Kind.Number => Number().IsMatch(text) ? new HoconNumber(origin, text) : null,
            Kind.Duration => HoconUnits.TryParseDuration(text, out _, out problem) ? new HoconString(origin, text) : null,
            Kind.Size => HoconUnits.TryParseByteSize(text, out _, out problem) ? new HoconString(origin, text) : null,
            _ => new HoconString(origin, text),
        };
        var expected = kind switch
        {
            Kind.Boolean => "a boolean (true/false, yes/no, on/off)",
            Kind.Number => "a number such as 42 or 0.5",
            Kind.Duration => "a duration such as '30s', '5 minutes' or '28 days'",
            Kind.Size => "a size such as '512K', '10MB' or '1GiB'",
            _ => "a string",
        };
        return value ?? throw Refuse(entry, path, $"'{text}' is not {expected}", problem is null ? "." : $": {problem}.");
    }

    // Sets a value, creating the sections on its way (akka keys reference.conf does not mention).
    private static void Set(HoconObject root, Override entry, HoconPath path, HoconValue value)
    {
        var node = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            var segment = path.Segments[i];
            if (!node.TryGetValue(segment, out var child))
            {
                child = new HoconObject(entry.Origin);
                node.Set(segment, child);
            }

            node = child as HoconObject
                ?? throw Refuse(entry, path, "cannot be set", $": {HoconPath.Of(path.Segments.Take(i + 1))} is {child.KindName} ({child.Origin}), not a section.");
        }

        node.Set(path.Segments[^1], value);
    }

    private static HoconValue? Find(HoconObject root, HoconPath path)
    {
        HoconValue node = root;
        foreach (var segment in path.Segments)
        {
            if (node is not HoconObject obj || !obj.TryGetValue(segment, out node!))
            {
                return null;
            }
        }

        return node;
    }

    // "Setting 'keeper.x': <problem> (set by the environment variable KEEPER_keeper__x)<fix>".
    private static SettingsException Refuse(Override entry, HoconPath path, string problem, string fix) =>
        new(path.ToString(), $"{problem} (set by the environment variable {entry.Variable}){fix}");

    // JSON's number syntax, as HOCON writes numbers.
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex Number();

    private sealed record Override(string Variable, HoconPath Path, string Value, HoconOrigin Origin);
}
