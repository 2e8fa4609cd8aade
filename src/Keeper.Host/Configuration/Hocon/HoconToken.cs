namespace Keeper.Host.Configuration.Hocon;

/// <summary>One token. <see cref="Text"/> is the decoded value for strings and the source text otherwise.</summary>
internal sealed record HoconToken(HoconTokenKind Kind, string Text, HoconOrigin Origin, bool Optional = false)
{
    /// <summary>True for the tokens that may take part in a string concatenation or a path expression.</summary>
    public bool IsSimpleText => Kind is HoconTokenKind.QuotedString or HoconTokenKind.UnquotedString
        or HoconTokenKind.Number or HoconTokenKind.True or HoconTokenKind.False or HoconTokenKind.Null;

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        HoconTokenKind.End => "end of file",
        HoconTokenKind.Newline => "end of line",
        HoconTokenKind.Whitespace => "whitespace",
        HoconTokenKind.QuotedString => $"\"{Text}\"",
        HoconTokenKind.SubstitutionStart => Optional ? "'${?'" : "'${'",
        _ => $"'{Text}'",
    };
}
