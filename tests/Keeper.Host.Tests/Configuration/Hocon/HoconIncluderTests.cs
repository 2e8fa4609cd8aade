using Keeper.Host.Configuration;
using Keeper.Host.Configuration.Hocon;
using Xunit;

namespace Keeper.Host.Tests.Configuration.Hocon;

/// <summary>Include semantics from lightbend/config HOCON.md "Includes", on files in a fresh temporary directory.</summary>
public sealed class HoconIncluderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("keeper-hocon-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Load(string path) =>
        HoconText.Json(HoconResolver.Resolve(HoconParser.ParseFile(path), HoconText.NoEnvironment));

    [Fact]
    public void Include_SubstitutionInIncludedFile_IsFixedUpToTheIncludingObject()
    {
        // HOCON.md "Include semantics: substitution": ${x} in foo.conf included at a means ${a.x}.
        Write("foo.conf", "{ x : 10, y : ${x} }");
        var root = Write("app.conf", "{ a : { include \"foo.conf\" } }");

        Assert.Equal("{\"a\":{\"x\":10,\"y\":10}}", Load(root));
    }

    [Fact]
    public void Include_LaterRedefinition_IsSeenByIncludedSubstitution()
    {
        Write("foo.conf", "{ x : 10, y : ${x} }");
        var root = Write("app.conf", "{\n    a : { include \"foo.conf\" }\n    a : { x : 42 }\n}");

        Assert.Equal("{\"a\":{\"x\":42,\"y\":42}}", Load(root));
    }

    [Fact]
    public void Include_SubstitutionNotInIncludedFile_FallsBackToRootPath()
    {
        Write("foo.conf", "y : ${top}");
        var root = Write("app.conf", "top = 1\na { include \"foo.conf\" }");

        Assert.Equal("{\"top\":1,\"a\":{\"y\":1}}", Load(root));
    }

    [Fact]
    public void Include_Merging_FollowsDuplicateKeyRules()
    {
        // HOCON.md "Include semantics: merging": included keys override earlier ones; later keys override included ones.
        Write("inc.conf", "a = included\nb = included\nobj { x = 1 }");
        var root = Write("app.conf", "a = before\nobj { y = 2 }\ninclude \"inc.conf\"\nb = after");

        Assert.Equal("{\"a\":\"included\",\"obj\":{\"y\":2,\"x\":1},\"b\":\"after\"}", Load(root));
    }

    [Fact]
    public void Include_RelativePath_IsRelativeToTheIncludingFile()
    {
        Write("sub/inner.conf", "v = inner");
        Write("sub/outer.conf", "include file(\"inner.conf\")");
        var root = Write("app.conf", "include \"sub/outer.conf\"");

        Assert.Equal("{\"v\":\"inner\"}", Load(root));
    }

    [Fact]
    public void Include_MissingFile_IsIgnored()
    {
        // HOCON.md "Include semantics: missing files".
        var root = Write("app.conf", "include \"nope.conf\"\na = 1");

        Assert.Equal("{\"a\":1}", Load(root));
    }

    [Fact]
    public void Include_MissingRequiredFile_ThrowsWithLocation()
    {
        var root = Write("app.conf", "a = 1\ninclude required(\"nope.conf\")");

        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(root));

        Assert.Equal($"{root}:2:18: required include \"nope.conf\" not found (looked for {Path.Combine(_dir, "nope.conf")}); " +
            "create the file or fix the name", error.Message);
    }

    [Fact]
    public void Include_WithoutExtension_LoadsJsonThenConf()
    {
        Write("defaults.json", "{ \"a\": 1, \"b\": 1 }");
        Write("defaults.conf", "b = 2");
        var root = Write("app.conf", "include required(file(\"defaults\"))");

        Assert.Equal("{\"a\":1,\"b\":2}", Load(root));
    }

    [Fact]
    public void Include_Cycle_ThrowsNamingTheChain()
    {
        var a = Write("a.conf", "include \"b.conf\"");
        var b = Write("b.conf", "x = 1\ninclude \"a.conf\"");

        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(a));

        Assert.Equal($"{b}:2:9: include cycle: {a} -> {b} -> {a}; remove one of these includes", error.Message);
    }

    [Fact]
    public void Include_RootArray_Throws()
    {
        // HOCON.md: "If an included file contains an array as the root value, it is invalid".
        var inc = Write("list.conf", "[1, 2]");
        var root = Write("app.conf", "include \"list.conf\"");

        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(root));

        Assert.StartsWith($"{inc}:1:1: the root of a configuration file must be an object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_ErrorInIncludedFile_NamesThatFile()
    {
        var inc = Write("bad.conf", "ok = 1\nbad = \"open");
        var root = Write("app.conf", "include \"bad.conf\"");

        var error = Assert.Throws<HoconException>(() => HoconParser.ParseFile(root));

        Assert.StartsWith($"{inc}:2:7: unterminated quoted string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_RelativeFromTextWithoutDirectory_Throws()
    {
        var error = Assert.Throws<HoconException>(() => HoconParser.Parse("include \"x.conf\"", "inline"));

        Assert.StartsWith("inline:1:9: include \"x.conf\" is relative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_UrlForm_IsRejected()
    {
        var error = Assert.Throws<HoconException>(() => HoconParser.Parse("include url(\"http://x\")", "inline"));

        Assert.Equal("inline:1:1: invalid include: url() and classpath() includes are not supported; use a file path", error.Message);
    }
}
