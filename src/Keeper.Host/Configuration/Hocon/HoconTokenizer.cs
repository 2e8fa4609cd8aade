using System.Globalization;
using System.Text;

namespace Keeper.Host.Configuration.Hocon;

/// <summary>
/// Splits HOCON text into tokens (HOCON.md "Syntax"). Comments are dropped; whitespace is kept as tokens because
/// value concatenation preserves the whitespace between simple values.
/// </summary>
internal sealed class HoconTokenizer
{
    // HOCON.md "Unquoted strings": characters that end an unquoted string (whitespace aside).
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _source;
    private readonly List<HoconToken> _tokens = [];
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    private HoconTokenizer(string text, string source)
    {
        _text = text;
        _source = source;
    }

    /// <summary>Tokenizes the whole text; the last token is always <see cref="HoconTokenKind.End"/>.</summary>
    public static IReadOnlyList<HoconToken> Tokenize(string text, string source)
    {
        var tokenizer = new HoconTokenizer(text, source);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    /// <summary>HOCON.md "Whitespace": Unicode separators, the ASCII controls it lists, and the BOM.</summary>
    public static bool IsWhitespace(char c) =>
        c == '\uFEFF' || (c >= '\x1C' && c <= '\x1F') || char.IsWhiteSpace(c);

    /// <summary>True when <paramref name="c"/> may appear in an unquoted string.</summary>
    public static bool IsUnquotedChar(char c) => !IsWhitespace(c) && !Forbidden.Contains(c, StringComparison.Ordinal);

    private HoconOrigin Here => new(_source, _line, _column);

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private bool AtEnd(int ahead = 0) => _pos + ahead >= _text.Length;

    private void Advance(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            if (_text[_pos] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _pos++;
        }
    }

    private void Run()
    {
        while (!AtEnd())
        {
            var start = Here;
            var c = Peek();
            if (c == '\n')
            {
                Advance();
                Add(HoconTokenKind.Newline, "\n", start);
            }
            else if (IsWhitespace(c))
            {
                ReadWhitespace(start);
            }
            else if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                while (!AtEnd() && Peek() != '\n')
                {
                    Advance();
                }
            }
            else
            {
                ReadToken(c, start);
            }
        }

        Add(HoconTokenKind.End, "", Here);
    }

    private void ReadToken(char c, HoconOrigin start)
    {
        switch (c)
        {
            case '{': Single(HoconTokenKind.OpenBrace, start); break;
            case '}': Single(HoconTokenKind.CloseBrace, start); break;
            case '[': Single(HoconTokenKind.OpenBracket, start); break;
            case ']': Single(HoconTokenKind.CloseBracket, start); break;
            case ',': Single(HoconTokenKind.Comma, start); break;
            case ':': Single(HoconTokenKind.Colon, start); break;
            case '=': Single(HoconTokenKind.Equals, start); break;
            case '"': ReadQuoted(start); break;
            case '$': ReadSubstitutionStart(start); break;
            case '+' when Peek(1) == '=':
                Advance(2);
                Add(HoconTokenKind.PlusEquals, "+=", start);
                break;
            case '+':
                throw new HoconException(start, "'+' is only valid in '+='; put a string containing '+' in double quotes");
            default:
                if (Forbidden.Contains(c, StringComparison.Ordinal))
                {
                    throw new HoconException(start,
                        $"'{c}' is reserved and cannot appear in an unquoted string; put the value in double quotes");
                }

                if ((c == '-' || char.IsAsciiDigit(c)) && TryReadNumber(start))
                {
                    break;
                }

                ReadUnquoted(start);
                break;
        }
    }

    private void Single(HoconTokenKind kind, HoconOrigin start)
    {
        var text = _text[_pos].ToString();
        Advance();
        Add(kind, text, start);
    }

    private void Add(HoconTokenKind kind, string text, HoconOrigin origin, bool optional = false) =>
        _tokens.Add(new HoconToken(kind, text, origin, optional));

    private void ReadWhitespace(HoconOrigin start)
    {
        var begin = _pos;
        while (!AtEnd() && Peek() != '\n' && IsWhitespace(Peek()))
        {
            Advance();
        }

        Add(HoconTokenKind.Whitespace, _text[begin.._pos], start);
    }

    private void ReadSubstitutionStart(HoconOrigin start)
    {
        if (Peek(1) != '{')
        {
            throw new HoconException(start, "'$' must start a substitution '${path}'; put a string containing '$' in double quotes");
        }

        var optional = Peek(2) == '?';
        Advance(optional ? 3 : 2);
        Add(HoconTokenKind.SubstitutionStart, optional ? "${?" : "${", start, optional);
    }

    // JSON number grammar; a prefix that is not a number ("-foo") is read as an unquoted string instead.
    private bool TryReadNumber(HoconOrigin start)
    {
        var end = _pos;
        if (PeekAt(end) == '-')
        {
            end++;
        }

        if (!char.IsAsciiDigit(PeekAt(end)))
        {
            return false;
        }

        end = SkipDigits(end);
        if (PeekAt(end) == '.' && char.IsAsciiDigit(PeekAt(end + 1)))
        {
            end = SkipDigits(end + 1);
        }

        if (PeekAt(end) is 'e' or 'E')
        {
            var exponent = end + 1;
            if (PeekAt(exponent) is '+' or '-')
            {
                exponent++;
            }

            if (char.IsAsciiDigit(PeekAt(exponent)))
            {
                end = SkipDigits(exponent);
            }
        }

        var text = _text[_pos..end];
        Advance(end - _pos);
        Add(HoconTokenKind.Number, text, start);
        return true;
    }

    private char PeekAt(int index) => index < _text.Length ? _text[index] : '\0';

    private int SkipDigits(int index)
    {
        while (char.IsAsciiDigit(PeekAt(index)))
        {
            index++;
        }

        return index;
    }

    private void ReadUnquoted(HoconOrigin start)
    {
        var begin = _pos;
        while (!AtEnd() && IsUnquotedChar(Peek()) && !(Peek() == '/' && Peek(1) == '/'))
        {
            Advance();
        }

        var text = _text[begin.._pos];
        var kind = text switch
        {
            "true" => HoconTokenKind.True,
            "false" => HoconTokenKind.False,
            "null" => HoconTokenKind.Null,
            _ => HoconTokenKind.UnquotedString,
        };
        Add(kind, text, start);
    }

    private void ReadQuoted(HoconOrigin start)
    {
        if (Peek(1) == '"' && Peek(2) == '"')
        {
            ReadTripleQuoted(start);
            return;
        }

        Advance();
        var value = new StringBuilder();
        while (true)
        {
            if (AtEnd() || Peek() == '\n')
            {
                throw new HoconException(start,
                    "unterminated quoted string; close it with '\"' on the same line, or use \"\"\" for a multi-line string");
            }

            var c = Peek();
            if (c == '"')
            {
                Advance();
                break;
            }

            if (c < ' ')
            {
                throw new HoconException(Here,
                    $"control character U+{(int)c:X4} in a quoted string; write it as an escape such as \\t or \\u{(int)c:X4}");
            }

            if (c == '\\')
            {
                value.Append(ReadEscape());
            }
            else
            {
                value.Append(c);
                Advance();
            }
        }

        Add(HoconTokenKind.QuotedString, value.ToString(), start);
    }

    private char ReadEscape()
    {
        var at = Here;
        Advance();
        var c = AtEnd() ? '\0' : Peek();
        char result;
        switch (c)
        {
            case '"': result = '"'; break;
            case '\\': result = '\\'; break;
            case '/': result = '/'; break;
            case 'b': result = '\b'; break;
            case 'f': result = '\f'; break;
            case 'n': result = '\n'; break;
            case 'r': result = '\r'; break;
            case 't': result = '\t'; break;
            case 'u':
                var hex = _pos + 5 <= _text.Length ? _text.Substring(_pos + 1, 4) : "";
                if (!ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                    || hex.Length != 4 || hex.Any(h => !char.IsAsciiHexDigit(h)))
                {
                    throw new HoconException(at, "invalid \\u escape; write exactly four hex digits, as in \\u00e9");
                }

                Advance(4);
                result = (char)code;
                break;
            default:
                throw new HoconException(at,
                    $"invalid escape '\\{(c == '\0' ? "" : c.ToString())}'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }

        Advance();
        return result;
    }

    private void ReadTripleQuoted(HoconOrigin start)
    {
        Advance(3);
        var begin = _pos;
        while (true)
        {
            if (AtEnd())
            {
                throw new HoconException(start, "unterminated triple-quoted string; close it with \"\"\"");
            }

            if (Peek() == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                // HOCON.md "Multi-line strings": like Scala, quotes beyond the closing three belong to the string.
                var run = 3;
                while (Peek(run) == '"')
                {
                    run++;
                }

                var value = _text[begin.._pos] + new string('"', run - 3);
                Advance(run);
                Add(HoconTokenKind.QuotedString, value, start);
                return;
            }

            Advance();
        }
    }
}
