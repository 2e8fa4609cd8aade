using System.Globalization;
using Keeper.Host.Configuration.Hocon;

namespace Keeper.Host.Configuration;

/// <summary>
/// A resolved configuration with typed getters. Paths are HOCON path expressions (<c>keeper.rpc.timeout</c>).
/// Every getter error names the full key, where the value was set, and what was expected
/// (conversions follow HOCON.md "Automatic type conversions": strings convert to numbers and booleans, null to nothing).
/// </summary>
public sealed class HoconConfig
{
    private readonly HoconPath _prefix;

    private HoconConfig(HoconObject root, HoconPath prefix)
    {
        Root = root;
        _prefix = prefix;
    }

    /// <summary>The resolved tree.</summary>
    public HoconObject Root { get; }

    /// <summary>Parses and resolves text held in memory.</summary>
    /// <param name="text">The HOCON document.</param>
    /// <param name="sourceName">The name errors cite.</param>
    /// <param name="baseDirectory">Where relative includes are looked up; null makes them an error.</param>
    /// <param name="environment">Environment lookup for substitutions; defaults to the process environment.</param>
    /// <exception cref="HoconException">The text is invalid or a substitution cannot be resolved.</exception>
    public static HoconConfig Parse(string text, string sourceName, string? baseDirectory = null, Func<string, string?>? environment = null) =>
        new(HoconResolver.Resolve(HoconParser.Parse(text, sourceName, baseDirectory), environment), HoconPath.Root);

    /// <summary>Reads, parses and resolves a file.</summary>
    /// <exception cref="HoconException">The file is missing or invalid, or a substitution cannot be resolved.</exception>
    public static HoconConfig Load(string path, Func<string, string?>? environment = null) =>
        new(HoconResolver.Resolve(HoconParser.ParseFile(path), environment), HoconPath.Root);

    /// <summary>Wraps an already resolved tree.</summary>
    /// <exception cref="ArgumentException">The tree still holds substitutions.</exception>
    public static HoconConfig FromResolved(HoconObject root) =>
        root.IsResolved ? new(root, HoconPath.Root) : throw new ArgumentException("resolve the tree first", nameof(root));

    /// <summary>True when <paramref name="path"/> is set to something other than null.</summary>
    public bool HasPath(string path) => Find(HoconPath.Parse(path)) is { } value && value is not HoconNull;

    /// <summary>The value at <paramref name="path"/>, or null when the path is not set.</summary>
    public HoconValue? GetValue(string path) => Find(HoconPath.Parse(path));

    /// <summary>A string; numbers and booleans convert to their text.</summary>
    public string GetString(string path) => Scalar(path, "a string").Text;

    /// <summary>A boolean: <c>true</c>/<c>false</c>, or the strings yes/no/on/off.</summary>
    public bool GetBoolean(string path)
    {
        var (key, value) = Require(path, "a boolean (true/false, yes/no, on/off)");
        return value switch
        {
            HoconBoolean b => b.Value,
            HoconString { Value: "true" or "yes" or "on" } => true,
            HoconString { Value: "false" or "no" or "off" } => false,
            _ => throw Mismatch(key, value, "a boolean (true/false, yes/no, on/off)"),
        };
    }

    /// <summary>A 32-bit integer.</summary>
    public int GetInt(string path) => (int)Integer(path, int.MinValue, int.MaxValue, "a 32-bit integer");

    /// <summary>A 64-bit integer.</summary>
    public long GetLong(string path) => Integer(path, long.MinValue, long.MaxValue, "a 64-bit integer");

    /// <summary>A floating-point number.</summary>
    public double GetDouble(string path)
    {
        var (key, value) = Require(path, "a number");
        return value is HoconNumber or HoconString
            && double.TryParse(((HoconScalar)value).Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number)
            ? number
            : throw Mismatch(key, value, "a number");
    }

    /// <summary>
    /// A duration such as <c>28 days</c>, <c>12h</c> or <c>384s</c>. A bare number means milliseconds (HOCON.md
    /// "Duration format"), so prefer writing the unit.
    /// </summary>
    public TimeSpan GetDuration(string path)
    {
        const string Expected = "a duration such as '30s', '5 minutes' or '28 days' (a bare number means milliseconds)";
        var (key, value) = Require(path, Expected);
        if (value is not (HoconNumber or HoconString))
        {
            throw Mismatch(key, value, Expected);
        }

        return HoconUnits.TryParseDuration(((HoconScalar)value).Text, out var duration, out var problem)
            ? duration
            : throw new HoconException(value.Origin, $"{key}: {problem} (found '{((HoconScalar)value).Text}', expected {Expected})");
    }

    /// <summary>A size in bytes such as <c>512K</c>, <c>10MB</c> or <c>1GiB</c>; a bare number means bytes.</summary>
    public long GetByteSize(string path)
    {
        const string Expected = "a size such as '512K', '10MB' or '1GiB' (a bare number means bytes)";
        var (key, value) = Require(path, Expected);
        if (value is not (HoconNumber or HoconString))
        {
            throw Mismatch(key, value, Expected);
        }

        return HoconUnits.TryParseByteSize(((HoconScalar)value).Text, out var size, out var problem)
            ? size
            : throw new HoconException(value.Origin, $"{key}: {problem} (found '{((HoconScalar)value).Text}', expected {Expected})");
    }

    /// <summary>An array of strings (numbers and booleans convert to text).</summary>
    public IReadOnlyList<string> GetStringList(string path)
    {
        var (key, value) = Require(path, "an array of strings");
        if (value is not HoconArray array)
        {
            throw Mismatch(key, value, "an array of strings");
        }

        return [.. array.Items.Select((item, i) => item is HoconScalar and not HoconNull
            ? ((HoconScalar)item).Text
            : throw Mismatch($"{key}[{i}]", item, "a string"))];
    }

    /// <summary>The object at <paramref name="path"/> as a configuration whose errors still name full keys.</summary>
    public HoconConfig GetObject(string path)
    {
        var (key, value) = Require(path, "an object");
        return value is HoconObject obj ? new HoconConfig(obj, _prefix.Append(HoconPath.Parse(path))) : throw Mismatch(key, value, "an object");
    }

    /// <summary>
    /// This configuration with <paramref name="fallback"/> underneath: keys missing here come from the fallback,
    /// objects merge (HOCON.md "Config object merging and file merging").
    /// </summary>
    public HoconConfig WithFallback(HoconConfig fallback)
    {
        var merged = HoconCombine.CopyObject(fallback.Root);
        HoconCombine.MergeObjects(merged, HoconCombine.CopyObject(Root));
        return new HoconConfig(merged, _prefix);
    }

    private HoconValue? Find(HoconPath path)
    {
        HoconValue? node = Root;
        foreach (var segment in path.Segments)
        {
            if (node is not HoconObject obj || !obj.TryGetValue(segment, out node))
            {
                return null;
            }
        }

        return node;
    }

    private (string Key, HoconValue Value) Require(string path, string expected)
    {
        var parsed = HoconPath.Parse(path);
        var key = _prefix.Append(parsed).ToString();
        HoconValue node = Root;
        foreach (var segment in parsed.Segments)
        {
            if (node is not HoconObject obj)
            {
                throw Mismatch(key, node, $"an object containing '{segment}'");
            }

            if (!obj.TryGetValue(segment, out node!))
            {
                throw new HoconException(obj.Origin, $"{key} is not set; add it here, expected {expected}");
            }
        }

        return node is HoconNull
            ? throw new HoconException(node.Origin, $"{key} is null; set it to {expected}")
            : (key, node);
    }

    private HoconScalar Scalar(string path, string expected)
    {
        var (key, value) = Require(path, expected);
        return value as HoconScalar ?? throw Mismatch(key, value, expected);
    }

    private long Integer(string path, long min, long max, string expected)
    {
        var (key, value) = Require(path, expected);
        if (value is not (HoconNumber or HoconString)
            || !decimal.TryParse(((HoconScalar)value).Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || number != decimal.Truncate(number))
        {
            throw Mismatch(key, value, $"{expected} (a whole number)");
        }

        return number >= min && number <= max
            ? (long)number
            : throw new HoconException(value.Origin, $"{key} = {((HoconScalar)value).Text} is out of range for {expected} ({min}..{max})");
    }

    private static HoconException Mismatch(string key, HoconValue value, string expected)
    {
        var found = value is HoconScalar scalar ? $"{value.KindName} '{scalar.Text}'" : value.KindName;
        return new HoconException(value.Origin, $"{key}: expected {expected} but found {found}");
    }
}
