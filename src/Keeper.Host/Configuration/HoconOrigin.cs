namespace Keeper.Host.Configuration;

/// <summary>Where a piece of configuration was written: the source (file path or name), 1-based line and column.</summary>
/// <param name="Source">The file path, or the name given to text parsed from memory.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number (in UTF-16 characters).</param>
public sealed record HoconOrigin(string Source, int Line, int Column)
{
    /// <summary>Renders as <c>source:line:column</c>, the form editors and compilers use.</summary>
    public override string ToString() => $"{Source}:{Line}:{Column}";
}
