namespace Keeper.Host.Configuration.Hocon;

/// <summary>A string, quoted or not.</summary>
public sealed class HoconString(HoconOrigin origin, string value) : HoconScalar(origin)
{
    /// <summary>The string's characters (escapes decoded).</summary>
    public string Value { get; } = value;

    /// <inheritdoc/>
    public override string Text => Value;

    /// <summary>
    /// True for the whitespace the parser keeps between the parts of a concatenation: it joins strings
    /// but is dropped between arrays or objects (HOCON.md "Array and object concatenation").
    /// </summary>
    internal bool IsSeparator { get; init; }

    /// <inheritdoc/>
    public override string KindName => "a string";
}
