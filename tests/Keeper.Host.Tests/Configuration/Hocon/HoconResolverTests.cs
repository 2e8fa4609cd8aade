using Keeper.Host.Configuration;
using Xunit;
using static Keeper.Host.Tests.Configuration.Hocon.HoconText;

namespace Keeper.Host.Tests.Configuration.Hocon;

/// <summary>Substitution examples from lightbend/config HOCON.md, sections "Substitutions" and below.</summary>
public sealed class HoconResolverTests
{
    [Theory]
    // HOCON.md "Substitutions"
    [InlineData("animal.favorite = fox\nkey : ${animal.favorite} is my favorite animal", "{\"animal\":{\"favorite\":\"fox\"},\"key\":\"fox is my favorite animal\"}")]
    [InlineData("animal.favorite = fox\nkey : ${animal.favorite}\" is my favorite animal\"", "{\"animal\":{\"favorite\":\"fox\"},\"key\":\"fox is my favorite animal\"}")]
    [InlineData("a = ${b}\nb = 42", "{\"a\":42,\"b\":42}")]
    [InlineData("a = ${b}\nb = [1]", "{\"a\":[1],\"b\":[1]}")]
    [InlineData("a = 1\nb = ${a}\na = 2", "{\"a\":2,\"b\":2}")]
    [InlineData("foo : ${?bar}", "{}")]
    [InlineData("foo : ${?bar}${?baz}", "{}")]
    [InlineData("foo = 1\nfoo : ${?bar}", "{\"foo\":1}")]
    [InlineData("a = [1, ${?x}, 2]", "{\"a\":[1,2]}")]
    [InlineData("a = x${?y}z", "{\"a\":\"xz\"}")]
    // HOCON.md "Array and object concatenation"
    [InlineData("a : [ 1, 2 ]\na : ${a} [ 3, 4 ]", "{\"a\":[1,2,3,4]}")]
    [InlineData("data-center-generic = { cluster-size = 6 }\ndata-center-east = ${data-center-generic} { name = \"east\" }",
        "{\"data-center-generic\":{\"cluster-size\":6},\"data-center-east\":{\"cluster-size\":6,\"name\":\"east\"}}")]
    [InlineData("path = [ /bin ]\npath = ${path} [ /usr/bin ]", "{\"path\":[\"/bin\",\"/usr/bin\"]}")]
    // HOCON.md "Self-Referential Substitutions"
    [InlineData("path : \"a:b:c\"\npath : ${path}\":d\"", "{\"path\":\"a:b:c:d\"}")]
    [InlineData("foo : { a : 1 }\nfoo : ${foo}", "{\"foo\":{\"a\":1}}")]
    [InlineData("foo : ${?foo}", "{}")]
    [InlineData("foo : ${does-not-exist}\nfoo : 42", "{\"foo\":42}")]
    [InlineData("foo : ${foo}, foo : 42", "{\"foo\":42}")]
    [InlineData("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }", "{\"foo\":{\"a\":2,\"c\":1}}")]
    [InlineData("bar : { foo : 42,\n        baz : ${bar.foo}\n      }", "{\"bar\":{\"foo\":42,\"baz\":42}}")]
    [InlineData("bar : { foo : 42,\n        baz : ${bar.foo}\n      }\nbar : { foo : 43 }", "{\"bar\":{\"foo\":43,\"baz\":43}}")]
    [InlineData("bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4",
        "{\"bar\":{\"a\":4,\"b\":3},\"foo\":{\"c\":3,\"d\":4}}")]
    [InlineData("a = ${?a}foo", "{\"a\":\"foo\"}")]
    [InlineData("a { b = 1 }\na { b = ${a.b}2 }", "{\"a\":{\"b\":\"12\"}}")]
    // HOCON.md "The += field separator"
    [InlineData("a += b", "{\"a\":[\"b\"]}")]
    [InlineData("a = [1]\na += 2\na += 3", "{\"a\":[1,2,3]}")]
    [InlineData("x { a += 1 }\nx { a += 2 }", "{\"x\":{\"a\":[1,2]}}")]
    public void Resolve_SpecExample_YieldsJson(string text, string json) => Assert.Equal(json, Json(text));

    [Theory]
    // HOCON.md: "foo : ${foo}" in isolation is undefined, as is a self-reference that comes before the value.
    [InlineData("foo : ${foo}", "test.conf:1:7: substitution ${foo} is not defined; define foo or use ${?foo} if it is optional")]
    [InlineData("foo : ${foo}\nfoo : { a : 1 }", "test.conf:1:7: substitution ${foo} is not defined; define foo or use ${?foo} if it is optional")]
    [InlineData("a = 1\nb = ${a.b}", "test.conf:2:5: substitution ${a.b} is not defined; define a.b or use ${?a.b} if it is optional")]
    public void Resolve_Undefined_ThrowsWithLocationAndFix(string text, string message)
    {
        var error = Assert.Throws<HoconException>(() => Resolve(text));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    // HOCON.md "Self-Referential Substitutions": unresolvable cycles.
    [InlineData("bar : ${foo}\nfoo : ${bar}", "test.conf:2:7:")]
    [InlineData("a : ${b}\nb : ${c}\nc : ${a}", "test.conf:3:5:")]
    [InlineData("a : { b : ${a} }", "test.conf:1:11:")]
    [InlineData("a : [${a}]", "test.conf:1:6:")]
    public void Resolve_Cycle_Throws(string text, string location)
    {
        var error = Assert.Throws<HoconException>(() => Resolve(text));

        Assert.StartsWith($"{location} substitution cycle", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a = 1\na += 2", "test.conf:2:6: cannot concatenate a number with an array")]
    [InlineData("a = {x = 1}\nb = ${a} [1]", "test.conf:2:10: cannot concatenate an object with an array")]
    public void Resolve_MixedConcatenation_Throws(string text, string prefix)
    {
        var error = Assert.Throws<HoconException>(() => Resolve(text));

        Assert.StartsWith(prefix, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingPath_FallsBackToEnvironmentVariable()
    {
        // HOCON.md "Substitution fallback to environment variables", with a variable no other test uses.
        var name = $"KEEPER_HOCON_TEST_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(name, "/home/keeper");
        try
        {
            var root = HoconText.Resolve($"home = ${{{name}}}\ndata = ${{{name}}}/data\nopt = ${{?{name}}}", Environment.GetEnvironmentVariable);

            Assert.Equal("{\"home\":\"/home/keeper\",\"data\":\"/home/keeper/data\",\"opt\":\"/home/keeper\"}", Json(root));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Resolve_PathSetToNull_DoesNotLookAtEnvironment()
    {
        // HOCON.md: "You could set HOME : null in your root object to avoid expanding ${HOME} from the environment".
        var json = Json("HOME : null\nh = ${HOME}", name => name == "HOME" ? "/root" : null);

        Assert.Equal("{\"HOME\":null,\"h\":null}", json);
    }

    [Fact]
    public void Resolve_EnvironmentEmptyString_IsKept()
    {
        // HOCON.md: "env variables set to the empty string are kept as such".
        Assert.Equal("{\"a\":\"\"}", Json("a = ${?E}", name => name == "E" ? "" : null));
    }

    [Fact]
    public void Resolve_SharedObject_IsNotChangedByLaterMerges()
    {
        var json = Json("base { x { y = 1 } }\na = ${base} { x { z = 2 } }\nb = ${base}");

        Assert.Equal("{\"base\":{\"x\":{\"y\":1}},\"a\":{\"x\":{\"y\":1,\"z\":2}},\"b\":{\"x\":{\"y\":1}}}", json);
    }
}
