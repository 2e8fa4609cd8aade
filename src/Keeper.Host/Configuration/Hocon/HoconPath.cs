using System.Text;

namespace Keeper.Host.Configuration.Hocon;

/// <summary>
/// A path through the object tree (HOCON.md "Path expressions"): <c>a.b."c.d"</c> has the elements
/// <c>a</c>, <c>b</c> and <c>c.d</c>.
/// </summary>
public sealed class HoconPath : IEquatable<HoconPath>
{
    /// <summary>The empty path: the root object.</summary>
    public static readonly HoconPath Root = new([]);

    private readonly string[] _segments;

    private HoconPath(string[] segments) => _segments = segments;

    /// <summary>The path elements, outermost first.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>The number of elements.</summary>
    public int Length => _segments.Length;

    /// <summary>Builds a path from its elements (no parsing: dots inside an element are part of the key).</summary>
    public static HoconPath Of(params IEnumerable<string> segments) => new([.. segments]);

    /// <summary>Parses a path expression such as <c>keeper.rpc."url.primary"</c>.</summary>
    /// <exception cref="HoconException">The expression is empty or has an empty unquoted element.</exception>
    public static HoconPath Parse(string expression)
    {
        var tokens = HoconTokenizer.Tokenize(expression, "path expression");
        var end = tokens.Count - 1;
        return FromTokens(tokens, 0, end, tokens[0].Origin, "path");
    }

    /// <summary>
    /// Builds a path from the tokens <paramref name="start"/> to <paramref name="end"/> (exclusive): dots outside
    /// quotes separate elements, quoted text is taken whole (HOCON.md "Path expressions").
    /// </summary>
    internal static HoconPath FromTokens(IReadOnlyList<HoconToken> tokens, int start, int end, HoconOrigin origin, string what)
    {
        while (start < end && tokens[start].Kind == HoconTokenKind.Whitespace)
        {
            start++;
        }

        while (end > start && tokens[end - 1].Kind == HoconTokenKind.Whitespace)
        {
            end--;
        }

        if (start == end)
        {
            throw new HoconException(origin, $"expected a {what} but found {tokens[start].Describe()}");
        }

        var segments = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind is HoconTokenKind.QuotedString or HoconTokenKind.Whitespace)
            {
                current.Append(token.Text);
                hasContent = true;
                continue;
            }

            if (!token.IsSimpleText)
            {
                throw new HoconException(token.Origin, $"invalid {what}: {token.Describe()} cannot appear in a {what}; quote the {what}");
            }

            foreach (var c in token.Text)
            {
                if (c != '.')
                {
                    current.Append(c);
                    hasContent = true;
                    continue;
                }

                EndSegment(token.Origin);
            }
        }

        EndSegment(tokens[end - 1].Origin);
        return Of(segments);

        void EndSegment(HoconOrigin at)
        {
            if (!hasContent)
            {
                throw new HoconException(at,
                    $"invalid {what}: empty path element (a leading, trailing or doubled '.'); write an empty key as \"\"");
            }

            segments.Add(current.ToString());
            current.Clear();
            hasContent = false;
        }
    }

    /// <summary>This path followed by <paramref name="segment"/>.</summary>
    public HoconPath Append(string segment) => new([.. _segments, segment]);

    /// <summary>This path followed by all of <paramref name="other"/>.</summary>
    public HoconPath Append(HoconPath other) => new([.. _segments, .. other._segments]);

    /// <summary>The elements from <paramref name="start"/> on.</summary>
    public HoconPath Skip(int start) => new(_segments[start..]);

    /// <summary>True when <paramref name="prefix"/> is this path or an ancestor of it.</summary>
    public bool StartsWith(HoconPath prefix)
    {
        if (prefix.Length > Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (!string.Equals(_segments[i], prefix._segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Renders the path so that <see cref="Parse"/> reads it back, quoting elements that need it.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < _segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            var segment = _segments[i];
            var plain = segment.Length > 0 && !segment.Contains('.', StringComparison.Ordinal)
                && segment.All(HoconTokenizer.IsUnquotedChar) && !segment.Contains("//", StringComparison.Ordinal);
            if (plain)
            {
                builder.Append(segment);
            }
            else
            {
                HoconPrinter.AppendQuoted(builder, segment);
            }
        }

        return builder.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(HoconPath? other) =>
        other is not null && _segments.AsSpan().SequenceEqual(other._segments);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as HoconPath);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in _segments)
        {
            hash.Add(segment, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
