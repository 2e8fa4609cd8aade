using Keeper.Host.Configuration;
using Xunit;

namespace Keeper.Host.Tests.Configuration;

public sealed class HoconConfigTests
{
    private const string Text = """
        keeper {
          rpc {
            url = "http://127.0.0.1:8545"
            timeout = 30s
            retries = 3
            big = 3000000000
            ratio = 0.25
            enabled = yes
            strict = false
            window = 28 days
            bare-timeout = 250
            cache = 512K
            names = [a, 2, true]
            nothing = null
            bad-duration = soon
            mixed = [a, {b = 1}]
          }
        }
        """;

    private static readonly HoconConfig Config = HoconConfig.Parse(Text, "keeper.conf", environment: _ => null);

    [Fact]
    public void Getters_ValidValues_Convert()
    {
        Assert.Equal("http://127.0.0.1:8545", Config.GetString("keeper.rpc.url"));
        Assert.Equal(TimeSpan.FromSeconds(30), Config.GetDuration("keeper.rpc.timeout"));
        Assert.Equal(3, Config.GetInt("keeper.rpc.retries"));
        Assert.Equal(3_000_000_000L, Config.GetLong("keeper.rpc.big"));
        Assert.Equal(0.25, Config.GetDouble("keeper.rpc.ratio"));
        Assert.True(Config.GetBoolean("keeper.rpc.enabled"));
        Assert.False(Config.GetBoolean("keeper.rpc.strict"));
        Assert.Equal(TimeSpan.FromDays(28), Config.GetDuration("keeper.rpc.window"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), Config.GetDuration("keeper.rpc.bare-timeout"));
        Assert.Equal(512 * 1024, Config.GetByteSize("keeper.rpc.cache"));
        Assert.Equal(["a", "2", "true"], Config.GetStringList("keeper.rpc.names"));
        Assert.Equal("3", Config.GetString("keeper.rpc.retries"));
    }

    [Fact]
    public void HasPath_DistinguishesSetMissingAndNull()
    {
        Assert.True(Config.HasPath("keeper.rpc"));
        Assert.True(Config.HasPath("keeper.rpc.url"));
        Assert.False(Config.HasPath("keeper.rpc.missing"));
        Assert.False(Config.HasPath("keeper.rpc.url.deeper"));
        Assert.False(Config.HasPath("keeper.rpc.nothing"));
    }

    [Fact]
    public void GetObject_SubConfig_KeepsFullKeysInErrors()
    {
        var rpc = Config.GetObject("keeper.rpc");

        Assert.Equal(3, rpc.GetInt("retries"));
        var error = Assert.Throws<HoconException>(() => rpc.GetInt("url"));
        Assert.Equal("keeper.conf:3:11: keeper.rpc.url: expected a 32-bit integer (a whole number) but found a string 'http://127.0.0.1:8545'", error.Message);
    }

    [Theory]
    [InlineData("keeper.rpc.big", "keeper.conf:6:11: keeper.rpc.big = 3000000000 is out of range for a 32-bit integer (-2147483648..2147483647)")]
    [InlineData("keeper.rpc.ratio", "keeper.conf:7:13: keeper.rpc.ratio: expected a 32-bit integer (a whole number) but found a number '0.25'")]
    [InlineData("keeper.rpc.missing", "keeper.conf:2:7: keeper.rpc.missing is not set; add it here, expected a 32-bit integer")]
    [InlineData("keeper.rpc.nothing", "keeper.conf:14:15: keeper.rpc.nothing is null; set it to a 32-bit integer")]
    [InlineData("keeper.rpc.names", "keeper.conf:13:13: keeper.rpc.names: expected a 32-bit integer (a whole number) but found an array")]
    public void GetInt_BadValue_NamesKeyOriginAndExpectation(string path, string message) =>
        Assert.Equal(message, Assert.Throws<HoconException>(() => Config.GetInt(path)).Message);

    [Fact]
    public void GetDuration_BadUnit_NamesKeyOriginAndExpectation()
    {
        var error = Assert.Throws<HoconException>(() => Config.GetDuration("keeper.rpc.bad-duration"));

        Assert.Equal("keeper.conf:15:20: keeper.rpc.bad-duration: expected a number followed by an optional unit (found 'soon', " +
            "expected a duration such as '30s', '5 minutes' or '28 days' (a bare number means milliseconds))", error.Message);
    }

    [Fact]
    public void GetBoolean_NotABoolean_Throws() =>
        Assert.Equal("keeper.conf:3:11: keeper.rpc.url: expected a boolean (true/false, yes/no, on/off) but found a string 'http://127.0.0.1:8545'",
            Assert.Throws<HoconException>(() => Config.GetBoolean("keeper.rpc.url")).Message);

    [Fact]
    public void GetStringList_ObjectElement_NamesTheIndex() =>
        Assert.Equal("keeper.conf:16:17: keeper.rpc.mixed[1]: expected a string but found an object",
            Assert.Throws<HoconException>(() => Config.GetStringList("keeper.rpc.mixed")).Message);

    [Fact]
    public void WithFallback_MissingKeysComeFromFallback()
    {
        // HOCON.md "Config object merging and file merging".
        var reference = HoconConfig.Parse("a { x = 1, y = 2 }\nb = 3", "reference.conf");
        var app = HoconConfig.Parse("a { y = 20 }", "app.conf");

        var merged = app.WithFallback(reference);

        Assert.Equal(1, merged.GetInt("a.x"));
        Assert.Equal(20, merged.GetInt("a.y"));
        Assert.Equal(3, merged.GetInt("b"));
        Assert.Equal(2, reference.GetInt("a.y"));
    }
}
