using Keeper.Host.Configuration;
using Keeper.Host.Configuration.Hocon;
using Xunit;

namespace Keeper.Host.Tests.Configuration.Hocon;

/// <summary>Invalid documents: each error names file, line and column exactly.</summary>
public sealed class HoconParserErrorTests
{
    [Theory]
    [InlineData("a = \"abc", "bad.conf:1:5: unterminated quoted string; close it with '\"' on the same line, or use \"\"\" for a multi-line string")]
    [InlineData("a = \"abc\nb = 1", "bad.conf:1:5: unterminated quoted string; close it with '\"' on the same line, or use \"\"\" for a multi-line string")]
    [InlineData("x = 1\na = \"\"\"abc", "bad.conf:2:5: unterminated triple-quoted string; close it with \"\"\"")]
    [InlineData("a {\n  b = 1\n", "bad.conf:1:3: unbalanced '{': this object is never closed; add the matching '}'")]
    [InlineData("a = 1\n}", "bad.conf:2:1: unbalanced '}': no '{' opens it; remove it or add the matching '{'")]
    [InlineData("{ a = 1 } }", "bad.conf:1:11: unexpected '}' after the closing '}' of the root object; remove it or move it inside the braces")]
    [InlineData("a = [1, 2", "bad.conf:1:5: unbalanced '[': this array is never closed; add the matching ']'")]
    // HOCON.md "Commas": [1,2,3,,], [,1,2,3] and [1,,2,3] are invalid.
    [InlineData("a = [1,2,3,,]", "bad.conf:1:12: two commas in a row; remove one")]
    [InlineData("a = [,1,2,3]", "bad.conf:1:6: unexpected ','; commas go only between array elements, one at a time")]
    [InlineData("a = [1,,2,3]", "bad.conf:1:8: two commas in a row; remove one")]
    [InlineData("a = 1,,\nb = 2", "bad.conf:1:7: two commas in a row; remove one")]
    [InlineData(", a = 1", "bad.conf:1:1: unexpected ','; commas go only between fields, one at a time")]
    // HOCON.md "Path expressions": a..b, a leading or a trailing '.' are invalid.
    [InlineData("a..b = 1", "bad.conf:1:1: invalid key: empty path element (a leading, trailing or doubled '.'); write an empty key as \"\"")]
    [InlineData("x = 1\n  .a = 1", "bad.conf:2:3: invalid key: empty path element (a leading, trailing or doubled '.'); write an empty key as \"\"")]
    [InlineData("a = ${b.}", "bad.conf:1:7: invalid substitution path: empty path element (a leading, trailing or doubled '.'); write an empty key as \"\"")]
    [InlineData("a = ${b", "bad.conf:1:5: unterminated substitution; close it with '}' on the same line")]
    [InlineData("a = ${b[0]}", "bad.conf:1:8: '[' cannot appear in a substitution path; write ${a.b} or quote the key as ${\"a:b\"}")]
    [InlineData("a = 1\nb", "bad.conf:2:2: expected ':', '=' or '{' after the key but found end of file; write 'key = value' or 'key { ... }'")]
    [InlineData("a ${x} = 1", "bad.conf:1:3: expected ':', '=' or '{' after the key but found '${'; substitutions are not allowed in keys; quote the key")]
    [InlineData("a = ", "bad.conf:1:5: expected a value but found end of file")]
    [InlineData("a = 1 : 2", "bad.conf:1:7: expected ',' or a new line after the value but found ':'; put text containing it in double quotes")]
    [InlineData("a = b ^ c", "bad.conf:1:7: '^' is reserved and cannot appear in an unquoted string; put the value in double quotes")]
    [InlineData("a = 1 + 2", "bad.conf:1:7: '+' is only valid in '+='; put a string containing '+' in double quotes")]
    [InlineData("a = $x", "bad.conf:1:5: '$' must start a substitution '${path}'; put a string containing '$' in double quotes")]
    [InlineData("a = \"\\x\"", "bad.conf:1:6: invalid escape '\\x'; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")]
    [InlineData("a = \"\\u12G4\"", "bad.conf:1:6: invalid \\u escape; write exactly four hex digits, as in \\u00e9")]
    [InlineData("a = \"tab\there\"", "bad.conf:1:9: control character U+0009 in a quoted string; write it as an escape such as \\t or \\u0009")]
    [InlineData("a = [1] \"x\"", "bad.conf:1:9: cannot concatenate an array with a string; separate values with a comma or a new line, or put text in double quotes")]
    [InlineData("a = {b = 1} [2]", "bad.conf:1:13: cannot concatenate an object with an array; separate values with a comma or a new line, or put text in double quotes")]
    [InlineData("[1, 2]", "bad.conf:1:1: the root of a configuration file must be an object, not an array; write 'key = [ ... ]'")]
    [InlineData("include 42", "bad.conf:1:1: invalid include: write include \"file.conf\", include file(\"file.conf\") or include required(\"file.conf\"); quote \"include\" to use it as a key")]
    [InlineData("include file(\"x.conf\"", "bad.conf:1:14: invalid include: expected 1 closing ')' after \"x.conf\"")]
    public void Parse_InvalidDocument_ThrowsAtExactLocation(string text, string message)
    {
        var error = Assert.Throws<HoconException>(() => HoconParser.Parse(text, "bad.conf", "/nonexistent-keeper-dir"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_DeepNesting_ThrowsInsteadOfOverflowingTheStack()
    {
        var text = "a = " + new string('[', 100_000);

        var error = Assert.Throws<HoconException>(() => HoconParser.Parse(text, "deep.conf"));

        Assert.Equal("deep.conf:1:261: objects and arrays are nested more than 256 levels deep; flatten the structure", error.Message);
    }

    [Fact]
    public void Parse_Error_ExposesOriginAndProblem()
    {
        var error = Assert.Throws<HoconException>(() => HoconParser.Parse("\n\n   a = \"x", "keeper.conf"));

        Assert.Equal(new HoconOrigin("keeper.conf", 3, 8), error.Origin);
        Assert.StartsWith("unterminated quoted string", error.Problem, StringComparison.Ordinal);
    }
}
