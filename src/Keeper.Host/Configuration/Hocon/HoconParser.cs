using System.Text;

namespace Keeper.Host.Configuration.Hocon;

/// <summary>
/// Parses HOCON text into an unresolved value tree (HOCON.md "Syntax"); includes are read and merged in place,
/// substitutions are left for <see cref="HoconResolver"/>.
/// </summary>
public sealed class HoconParser
{
    // Bounds recursion so that hostile input fails with a HoconException rather than a stack overflow.
    private const int MaxDepth = 256;

    private readonly IReadOnlyList<HoconToken> _tokens;
    private readonly string _source;
    private readonly HoconIncluder _includer;
    private readonly HoconPath? _includePrefix;
    private int _pos;
    private int _depth;

    private HoconParser(string text, string source, HoconIncluder includer, HoconPath? includePrefix)
    {
        _tokens = HoconTokenizer.Tokenize(text, source);
        _source = source;
        _includer = includer;
        _includePrefix = includePrefix;
    }

    /// <summary>Parses text held in memory.</summary>
    /// <param name="text">The HOCON document.</param>
    /// <param name="sourceName">The name errors cite, such as <c>"keeper.conf"</c> or <c>"command line"</c>.</param>
    /// <param name="baseDirectory">Where relative includes are looked up; null makes relative includes an error.</param>
    /// <exception cref="HoconException">The text is not valid HOCON, or an include fails.</exception>
    public static HoconObject Parse(string text, string sourceName, string? baseDirectory = null) =>
        new HoconParser(text, sourceName, new HoconIncluder(baseDirectory), null).ParseRoot();

    /// <summary>Reads and parses a file; includes are looked up relative to its directory.</summary>
    /// <exception cref="HoconException">The file cannot be read or is not valid HOCON.</exception>
    public static HoconObject ParseFile(string path)
    {
        var includer = new HoconIncluder(null);
        return includer.IncludeRoot(Path.GetFullPath(path), (text, source) =>
            new HoconParser(text, source, includer, null).ParseRoot());
    }

    /// <summary>Parses an included file, merged at <paramref name="prefix"/> of the including document.</summary>
    internal static HoconObject ParseIncluded(string text, string source, HoconIncluder includer, HoconPath? prefix) =>
        new HoconParser(text, source, includer, prefix).ParseRoot(prefix);

    private HoconToken Current => _tokens[_pos];

    private HoconToken Next() => _tokens[_pos++];

    private void SkipWhitespace()
    {
        while (Current.Kind == HoconTokenKind.Whitespace)
        {
            _pos++;
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Current.Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            _pos++;
        }
    }

    private HoconObject ParseRoot(HoconPath? path = null)
    {
        path ??= HoconPath.Root;
        SkipWhitespaceAndNewlines();
        if (Current.Kind == HoconTokenKind.OpenBracket)
        {
            throw new HoconException(Current.Origin,
                "the root of a configuration file must be an object, not an array; write 'key = [ ... ]'");
        }

        if (Current.Kind != HoconTokenKind.OpenBrace)
        {
            var root = new HoconObject(new HoconOrigin(_source, 1, 1));
            ParseFields(root, path, null);
            return root;
        }

        var braced = ParseObject(path);
        SkipWhitespaceAndNewlines();
        if (Current.Kind != HoconTokenKind.End)
        {
            throw new HoconException(Current.Origin,
                $"unexpected {Current.Describe()} after the closing '}}' of the root object; remove it or move it inside the braces");
        }

        return braced;
    }

    private HoconObject ParseObject(HoconPath? path)
    {
        var open = Next();
        var obj = new HoconObject(open.Origin);
        Enter(open);
        ParseFields(obj, path, open);
        _depth--;
        return obj;
    }

    private void Enter(HoconToken open)
    {
        if (++_depth > MaxDepth)
        {
            throw new HoconException(open.Origin, $"objects and arrays are nested more than {MaxDepth} levels deep; flatten the structure");
        }
    }

    // Reads fields up to the closing brace (or the end of the file when the root braces are omitted).
    private void ParseFields(HoconObject obj, HoconPath? path, HoconToken? open)
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Current;
            switch (token.Kind)
            {
                case HoconTokenKind.CloseBrace when open is not null:
                    _pos++;
                    return;
                case HoconTokenKind.CloseBrace:
                    throw new HoconException(token.Origin, "unbalanced '}': no '{' opens it; remove it or add the matching '{'");
                case HoconTokenKind.End when open is not null:
                    throw new HoconException(open.Origin, "unbalanced '{': this object is never closed; add the matching '}'");
                case HoconTokenKind.End:
                    return;
                case HoconTokenKind.Comma:
                    throw new HoconException(token.Origin, "unexpected ','; commas go only between fields, one at a time");
            }

            if (token is { Kind: HoconTokenKind.UnquotedString, Text: "include" })
            {
                ParseInclude(obj, path);
            }
            else
            {
                ParseField(obj, path);
            }

            if (!EndOfElement(HoconTokenKind.CloseBrace))
            {
                return;
            }
        }
    }

    // After a field or element: a comma, a new line, or the closing bracket. False at the end of the input.
    private bool EndOfElement(HoconTokenKind close)
    {
        SkipWhitespace();
        var token = Current;
        if (token.Kind == HoconTokenKind.Comma)
        {
            _pos++;
            SkipWhitespaceAndNewlines();
            if (Current.Kind == HoconTokenKind.Comma)
            {
                throw new HoconException(Current.Origin, "two commas in a row; remove one");
            }

            return true;
        }

        if (token.Kind is HoconTokenKind.Newline or HoconTokenKind.End || token.Kind == close)
        {
            return true;
        }

        throw new HoconException(token.Origin,
            $"expected ',' or a new line after the value but found {token.Describe()}; put text containing it in double quotes");
    }

    private void ParseField(HoconObject obj, HoconPath? path)
    {
        var keyStart = _pos;
        while (Current.IsSimpleText || Current.Kind == HoconTokenKind.Whitespace)
        {
            _pos++;
        }

        var keyOrigin = _tokens[keyStart].Origin;
        var separator = Current;
        if (separator.Kind is not (HoconTokenKind.Colon or HoconTokenKind.Equals or HoconTokenKind.PlusEquals or HoconTokenKind.OpenBrace))
        {
            if (_pos == keyStart)
            {
                throw new HoconException(separator.Origin, $"expected a key but found {separator.Describe()}");
            }

            var what = separator.Kind switch
            {
                HoconTokenKind.SubstitutionStart => "substitutions are not allowed in keys; quote the key",
                HoconTokenKind.OpenBracket => "a key cannot be an array; write 'key = [ ... ]'",
                _ => "write 'key = value' or 'key { ... }'",
            };
            throw new HoconException(separator.Origin, $"expected ':', '=' or '{{' after the key but found {separator.Describe()}; {what}");
        }

        var key = HoconPath.FromTokens(_tokens, keyStart, _pos, keyOrigin, "key");
        if (separator.Kind != HoconTokenKind.OpenBrace)
        {
            _pos++;
            SkipWhitespaceAndNewlines();
        }

        var fieldPath = path?.Append(key);
        var value = ParseValue(fieldPath);
        if (separator.Kind == HoconTokenKind.PlusEquals)
        {
            // HOCON.md "The += field separator": a += b means a = ${?a} [b].
            var self = new HoconSubstitution(separator.Origin, fieldPath ?? key, optional: true);
            value = new HoconConcatenation(separator.Origin, [self, new HoconArray(value.Origin, [value])]);
        }

        for (var i = key.Length - 1; i > 0; i--)
        {
            var wrapper = new HoconObject(keyOrigin);
            wrapper.Set(key.Segments[i], value);
            value = wrapper;
        }

        var first = key.Segments[0];
        obj.Set(first, HoconCombine.Redefine(obj.TryGetValue(first, out var existing) ? existing : null, value));
    }

    private HoconValue ParseValue(HoconPath? path)
    {
        var parts = new List<HoconValue>();
        var origin = Current.Origin;
        var hasSubstitution = false;
        while (true)
        {
            var token = Current;
            switch (token.Kind)
            {
                case HoconTokenKind.Whitespace:
                    _pos++;
                    if (parts.Count > 0)
                    {
                        parts.Add(new HoconString(token.Origin, token.Text) { IsSeparator = true });
                    }

                    continue;
                case HoconTokenKind.QuotedString or HoconTokenKind.UnquotedString:
                    parts.Add(new HoconString(Next().Origin, token.Text));
                    continue;
                case HoconTokenKind.Number:
                    parts.Add(new HoconNumber(Next().Origin, token.Text));
                    continue;
                case HoconTokenKind.True or HoconTokenKind.False:
                    parts.Add(new HoconBoolean(Next().Origin, token.Kind == HoconTokenKind.True));
                    continue;
                case HoconTokenKind.Null:
                    parts.Add(new HoconNull(Next().Origin));
                    continue;
                case HoconTokenKind.OpenBrace:
                    parts.Add(ParseObject(path));
                    continue;
                case HoconTokenKind.OpenBracket:
                    parts.Add(ParseArray());
                    continue;
                case HoconTokenKind.SubstitutionStart:
                    parts.Add(ParseSubstitution());
                    hasSubstitution = true;
                    continue;
            }

            break;
        }

        while (parts.Count > 0 && parts[^1] is HoconString { IsSeparator: true })
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0)
        {
            throw new HoconException(Current.Origin, $"expected a value but found {Current.Describe()}");
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        return hasSubstitution ? new HoconConcatenation(origin, parts) : HoconCombine.Concatenate(parts, origin);
    }

    private HoconArray ParseArray()
    {
        var open = Next();
        var items = new List<HoconValue>();
        Enter(open);
        while (true)
        {
            SkipWhitespaceAndNewlines();
            switch (Current.Kind)
            {
                case HoconTokenKind.CloseBracket:
                    _pos++;
                    _depth--;
                    return new HoconArray(open.Origin, items);
                case HoconTokenKind.End:
                    throw new HoconException(open.Origin, "unbalanced '[': this array is never closed; add the matching ']'");
                case HoconTokenKind.Comma:
                    throw new HoconException(Current.Origin, "unexpected ','; commas go only between array elements, one at a time");
            }

            // Elements have no path: self-references and include prefixes apply to object fields only.
            items.Add(ParseValue(null));
            EndOfElement(HoconTokenKind.CloseBracket);
        }
    }

    private HoconSubstitution ParseSubstitution()
    {
        var open = Next();
        var start = _pos;
        while (Current.Kind != HoconTokenKind.CloseBrace)
        {
            if (Current.Kind is HoconTokenKind.Newline or HoconTokenKind.End)
            {
                throw new HoconException(open.Origin, "unterminated substitution; close it with '}' on the same line");
            }

            if (!Current.IsSimpleText && Current.Kind != HoconTokenKind.Whitespace)
            {
                throw new HoconException(Current.Origin,
                    $"{Current.Describe()} cannot appear in a substitution path; write ${{a.b}} or quote the key as ${{\"a:b\"}}");
            }

            _pos++;
        }

        var path = HoconPath.FromTokens(_tokens, start, _pos, open.Origin, "substitution path");
        _pos++;
        return new HoconSubstitution(open.Origin, path, open.Optional, _includePrefix);
    }

    private void ParseInclude(HoconObject obj, HoconPath? path)
    {
        var keyword = Next();
        SkipWhitespaceAndNewlines();
        var opening = new StringBuilder();
        while (Current.Kind is HoconTokenKind.UnquotedString or HoconTokenKind.Whitespace)
        {
            opening.Append(Next().Text.Trim());
        }

        var form = opening.ToString();
        if (Current.Kind != HoconTokenKind.QuotedString || form is not ("" or "file(" or "required(" or "required(file("))
        {
            var hint = form.StartsWith("url(", StringComparison.Ordinal) || form.StartsWith("classpath(", StringComparison.Ordinal)
                ? "url() and classpath() includes are not supported; use a file path"
                : "write include \"file.conf\", include file(\"file.conf\") or include required(\"file.conf\"); quote \"include\" to use it as a key";
            throw new HoconException(keyword.Origin, $"invalid include: {hint}");
        }

        var name = Next();
        var closing = new StringBuilder();
        while (Current.Kind is HoconTokenKind.UnquotedString or HoconTokenKind.Whitespace)
        {
            closing.Append(Next().Text.Trim());
        }

        var opened = form.Count(c => c == '(');
        if (closing.ToString() != new string(')', opened))
        {
            throw new HoconException(name.Origin, $"invalid include: expected {opened} closing ')' after \"{name.Text}\"");
        }

        var included = _includer.Include(name.Text, form.StartsWith("required(", StringComparison.Ordinal), name.Origin, _source, path);
        if (included is not null)
        {
            HoconCombine.MergeObjects(obj, included);
        }
    }
}
