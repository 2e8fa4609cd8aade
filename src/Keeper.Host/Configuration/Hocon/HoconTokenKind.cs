namespace Keeper.Host.Configuration.Hocon;

/// <summary>The lexical classes of HOCON (HOCON.md, "Syntax").</summary>
internal enum HoconTokenKind
{
    End,
    Newline,
    Whitespace,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    QuotedString,
    UnquotedString,
    Number,
    True,
    False,
    Null,
    SubstitutionStart,
}
