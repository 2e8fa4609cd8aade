namespace Keeper.Host.Configuration.Hocon;

/// <summary>A <c>${path}</c> or <c>${?path}</c> reference, replaced by the value at that path when resolving.</summary>
public sealed class HoconSubstitution : HoconValue
{
    /// <summary>Creates a substitution.</summary>
    /// <param name="origin">Where it was written.</param>
    /// <param name="path">The path as written.</param>
    /// <param name="optional">True for <c>${?path}</c>.</param>
    /// <param name="includePrefix">
    /// For substitutions inside an included file: the path of the object the file was included into.
    /// HOCON.md "Include semantics: substitution" looks up the prefixed path first, then the path as written.
    /// </param>
    public HoconSubstitution(HoconOrigin origin, HoconPath path, bool optional, HoconPath? includePrefix = null)
        : base(origin)
    {
        Path = path;
        Optional = optional;
        IncludePrefix = includePrefix is { Length: > 0 } ? includePrefix : null;
    }

    /// <summary>The path as written.</summary>
    public HoconPath Path { get; }

    /// <summary>True for <c>${?path}</c>: an undefined target removes the field instead of failing.</summary>
    public bool Optional { get; }

    /// <summary>The path of the object an included file was merged into, or null.</summary>
    public HoconPath? IncludePrefix { get; }

    /// <summary>The paths to try, in order.</summary>
    public IEnumerable<HoconPath> Candidates =>
        IncludePrefix is null ? [Path] : [IncludePrefix.Append(Path), Path];

    /// <inheritdoc/>
    public override bool IsResolved => false;

    /// <inheritdoc/>
    public override string KindName => "a substitution";

    /// <summary>Renders as written: <c>${a.b}</c> or <c>${?a.b}</c>.</summary>
    public override string ToString() => Optional ? $"${{?{Path}}}" : $"${{{Path}}}";
}
