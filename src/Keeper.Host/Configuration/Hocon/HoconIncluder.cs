namespace Keeper.Host.Configuration.Hocon;

/// <summary>
/// Finds and reads included files (HOCON.md "Include semantics"): relative names are looked up next to the including
/// file, never in the working directory; a missing file is skipped unless wrapped in <c>required(...)</c>; a name
/// without an extension loads <c>name.json</c> then <c>name.conf</c>. Tracks the chain of open files to report cycles.
/// </summary>
internal sealed class HoconIncluder(string? baseDirectory)
{
    private readonly List<string> _open = [];

    /// <summary>Reads the top-level file and parses it with <paramref name="parse"/>.</summary>
    public HoconObject IncludeRoot(string fullPath, Func<string, string, HoconObject> parse)
    {
        if (!File.Exists(fullPath))
        {
            throw new HoconException(new HoconOrigin(fullPath, 1, 1), "configuration file not found; check the path");
        }

        return Load(fullPath, new HoconOrigin(fullPath, 1, 1), parse);
    }

    /// <summary>Parses the file(s) <paramref name="name"/> names, or returns null for a missing optional include.</summary>
    public HoconObject? Include(string name, bool required, HoconOrigin at, string includingSource, HoconPath? prefix)
    {
        var directory = _open.Count > 0 ? Path.GetDirectoryName(_open[^1]) : baseDirectory;
        if (!Path.IsPathRooted(name) && directory is null)
        {
            throw new HoconException(at,
                $"include \"{name}\" is relative but '{includingSource}' is not a file; give an absolute path or a base directory");
        }

        var candidate = Path.GetFullPath(Path.IsPathRooted(name) ? name : Path.Combine(directory!, name));
        string[] files = File.Exists(candidate) ? [candidate]
            : Path.HasExtension(name) ? []
            : [.. new[] { candidate + ".json", candidate + ".conf" }.Where(File.Exists)];
        if (files.Length == 0)
        {
            return required
                ? throw new HoconException(at, $"required include \"{name}\" not found (looked for {candidate}); create the file or fix the name")
                : null;
        }

        HoconObject? merged = null;
        foreach (var file in files)
        {
            var included = Load(file, at, (text, source) => HoconParser.ParseIncluded(text, source, this, prefix));
            merged = merged is null ? included : HoconCombine.MergeObjects(merged, included);
        }

        return merged;
    }

    private HoconObject Load(string fullPath, HoconOrigin at, Func<string, string, HoconObject> parse)
    {
        if (_open.Contains(fullPath, StringComparer.Ordinal))
        {
            var chain = string.Join(" -> ", _open.SkipWhile(open => open != fullPath).Append(fullPath));
            throw new HoconException(at, $"include cycle: {chain}; remove one of these includes");
        }

        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(at, $"cannot read '{fullPath}': {e.Message}", e);
        }

        _open.Add(fullPath);
        try
        {
            return parse(text, fullPath);
        }
        finally
        {
            _open.RemoveAt(_open.Count - 1);
        }
    }
}
