using Keeper.Host.Configuration;
using Keeper.Host.Configuration.Hocon;
using Xunit;
using static Keeper.Host.Tests.Configuration.Hocon.HoconText;

namespace Keeper.Host.Tests.Configuration.Hocon;

/// <summary>Syntax examples carried from lightbend/config README.md and HOCON.md, each with its section named.</summary>
public sealed class HoconParserTests
{
    // lightbend/config README.md "Examples of HOCON": all of these are the same object.
    public static TheoryData<string> ReadmeExamples => new()
    {
        "{\n    \"foo\" : {\n        \"bar\" : 10,\n        \"baz\" : 12\n    }\n}",
        "\"foo\" : {\n    \"bar\" : 10,\n    \"baz\" : 12\n}",
        "foo : {\n    bar : 10,\n    baz : 12\n}",
        "foo {\n    bar = 10,\n    baz = 12\n}",
        "foo {\n    bar = 10\n    baz = 12\n}",
        "foo.bar=10\nfoo.baz=12",
        "foo.bar=10, foo.baz=12",
    };

    [Theory]
    [MemberData(nameof(ReadmeExamples))]
    public void Parse_ReadmeExamples_AllEqualTheSameJson(string text) =>
        Assert.Equal("{\"foo\":{\"bar\":10,\"baz\":12}}", Json(text));

    [Theory]
    // HOCON.md "Commas"
    [InlineData("a = [1,2,3,]", "{\"a\":[1,2,3]}")]
    [InlineData("a = [1\n2\n3]", "{\"a\":[1,2,3]}")]
    [InlineData("a = 1,\nb = 2,", "{\"a\":1,\"b\":2}")]
    // HOCON.md "Comments"
    [InlineData("# c\na = 1 // c\n// c\nb = \"x//y#z\" # c", "{\"a\":1,\"b\":\"x//y#z\"}")]
    // HOCON.md "Key-value separator": "foo" {} means "foo" : {}
    [InlineData("\"foo\" {}", "{\"foo\":{}}")]
    // HOCON.md "Duplicate keys and object merging"
    [InlineData("{ \"foo\" : { \"a\" : 42 }, \"foo\" : { \"b\" : 43 } }", "{\"foo\":{\"a\":42,\"b\":43}}")]
    [InlineData("{ \"foo\" : { \"a\" : 42 }, \"foo\" : null, \"foo\" : { \"b\" : 43 } }", "{\"foo\":{\"b\":43}}")]
    [InlineData("a = 1\na = 2", "{\"a\":2}")]
    // HOCON.md "Unquoted strings"
    [InlineData("a = truefoo", "{\"a\":\"truefoo\"}")]
    [InlineData("a = footrue", "{\"a\":\"footrue\"}")]
    [InlineData("a = 10.0bar", "{\"a\":\"10.0bar\"}")]
    [InlineData("a = bar10.0", "{\"a\":\"bar10.0\"}")]
    [InlineData("a = 127.0.0.1", "{\"a\":\"127.0.0.1\"}")]
    // HOCON.md "Multi-line strings": raw, and quotes beyond the closing three belong to the string.
    [InlineData("a = \"\"\"foo\"\"\"\"", "{\"a\":\"foo\\\"\"}")]
    [InlineData("a = \"\"\"line1\n  \\n line2\"\"\"", "{\"a\":\"line1\\n  \\\\n line2\"}")]
    // JSON escapes in quoted strings (HOCON.md "Unchanged from JSON")
    [InlineData("a = \"q\\\"b\\\\s\\/t\\tn\\nu\\u00e9\"", "{\"a\":\"q\\\"b\\\\s/t\\tn\\nu\u00e9\"}")]
    // HOCON.md "String value concatenation"
    [InlineData("a =  foo bar baz  ", "{\"a\":\"foo bar baz\"}")]
    [InlineData("a = true foo", "{\"a\":\"true foo\"}")]
    [InlineData("a = true", "{\"a\":true}")]
    [InlineData("a = 1e5 null", "{\"a\":\"1e5 null\"}")]
    [InlineData("a = foo\"  bar\"", "{\"a\":\"foo  bar\"}")]
    [InlineData("a = 28 days", "{\"a\":\"28 days\"}")]
    // HOCON.md "Array and object concatenation"
    [InlineData("a : { b : 1 } { c : 2 }", "{\"a\":{\"b\":1,\"c\":2}}")]
    [InlineData("a : { b : 1 }\na : { c : 2 }", "{\"a\":{\"b\":1,\"c\":2}}")]
    [InlineData("a : [ 1, 2 ] [ 3, 4 ]", "{\"a\":[1,2,3,4]}")]
    // HOCON.md "Note: Arrays without commas or newlines"
    [InlineData("a = [ 1 2 3 4 ]", "{\"a\":[\"1 2 3 4\"]}")]
    [InlineData("a = [ 1\n  2\n  3\n  4 ]", "{\"a\":[1,2,3,4]}")]
    [InlineData("a = [ [ 1, 2 ] [ 3, 4 ] ]", "{\"a\":[[1,2,3,4]]}")]
    [InlineData("a = [ [ 1, 2 ]\n  [ 3, 4 ] ]", "{\"a\":[[1,2],[3,4]]}")]
    // HOCON.md "Paths as keys"
    [InlineData("foo.bar : 42", "{\"foo\":{\"bar\":42}}")]
    [InlineData("foo.bar.baz : 42", "{\"foo\":{\"bar\":{\"baz\":42}}}")]
    [InlineData("a.x : 42, a.y : 43", "{\"a\":{\"x\":42,\"y\":43}}")]
    [InlineData("a b c : 42", "{\"a b c\":42}")]
    [InlineData("true : 42", "{\"true\":42}")]
    [InlineData("3 : 42", "{\"3\":42}")]
    [InlineData("3.14 : 42", "{\"3\":{\"14\":42}}")]
    [InlineData("\"a.b\" = 1", "{\"a.b\":1}")]
    [InlineData("a.\"\".b = 1", "{\"a\":{\"\":{\"b\":1}}}")]
    // HOCON.md "Include syntax": unquoted include is special only at the start of a key.
    [InlineData("{ foo include : 42 }", "{\"foo include\":42}")]
    [InlineData("{ foo : include }", "{\"foo\":\"include\"}")]
    [InlineData("a = [ include ]", "{\"a\":[\"include\"]}")]
    [InlineData("{ \"include\" : 42 }", "{\"include\":42}")]
    // Numbers keep their written form.
    [InlineData("a = -1.50e+3, b = 0", "{\"a\":-1.50e+3,\"b\":0}")]
    [InlineData("a = \"\"", "{\"a\":\"\"}")]
    [InlineData("", "{}")]
    // Windows line endings and a byte-order mark are whitespace (HOCON.md "Whitespace").
    [InlineData("\uFEFFa = 1\r\nb = two words\r\n", "{\"a\":1,\"b\":\"two words\"}")]
    public void Parse_SpecExample_YieldsJson(string text, string json) => Assert.Equal(json, Json(text));

    [Fact]
    public void Parse_UnquotedColon_IsAnErrorThatSuggestsQuotes()
    {
        var error = Assert.Throws<HoconException>(() => HoconParser.Parse("a = 1\nb = x:y", "test.conf"));

        Assert.Equal("test.conf:2:6: expected ',' or a new line after the value but found ':'; put text containing it in double quotes", error.Message);
    }

    [Theory]
    // HOCON.md "Path expressions"
    [InlineData("foo.bar.\"hello.world\"", new[] { "foo", "bar", "hello.world" })]
    [InlineData("10.0foo", new[] { "10", "0foo" })]
    [InlineData("foo10.0", new[] { "foo10", "0" })]
    [InlineData("foo\"10.0\"", new[] { "foo10.0" })]
    [InlineData("1.2.3", new[] { "1", "2", "3" })]
    [InlineData("a.\"\".b", new[] { "a", "", "b" })]
    public void PathParse_SpecExample_YieldsElements(string expression, string[] segments)
    {
        var path = HoconPath.Parse(expression);

        Assert.Equal(segments, path.Segments);
        Assert.Equal(path, HoconPath.Parse(path.ToString()));
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a.")]
    public void PathParse_EmptyElement_Throws(string expression) =>
        Assert.Throws<HoconException>(() => HoconPath.Parse(expression));

    [Fact]
    public void Parse_Values_CarryOrigins()
    {
        var root = HoconParser.Parse("a {\n  b = 1\n}", "app.conf");

        Assert.True(root.TryGetValue("a", out var a));
        Assert.True(((HoconObject)a).TryGetValue("b", out var b));
        Assert.Equal(new HoconOrigin("app.conf", 2, 7), b.Origin);
    }
}
