namespace Keeper.Host.Configuration;

/// <summary>Where a piece of configuration was written: the source (file path or name), 1-based line and column.</summary>
/// <param name="Source">The file path, or the name given to text parsed from memory.</param>
/// <param name="Line">1-based line number; 0 when the value was not written in a text (an environment variable).</param>
/// <param name="Column">1-based column number (in UTF-16 characters); 0 when <paramref name="Line"/> is 0.</param>
public sealed record HoconOrigin(string Source, int Line, int Column)
{
    /// <summary>An origin outside any text, such as <c>environment variable KEEPER_keeper__http__port</c>.</summary>
    public static HoconOrigin Outside(string source) => new(source, 0, 0);

    /// <summary>Renders as <c>source:line:column</c>, the form editors and compilers use, or the bare source when it has no lines.</summary>
    public override string ToString() => Line == 0 ? Source : $"{Source}:{Line}:{Column}";
}
