using Akka.Configuration;
using Keeper.Host.Configuration;
using Keeper.Host.Node;
using Xunit;

namespace Keeper.Host.Tests.Configuration;

public sealed class AkkaConfigSectionTests
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    [Fact]
    public void Render_ReferenceDefaults_AkkaReadsThem()
    {
        var settings = KeeperSettingsLoader.Parse("keeper.rocketpool.storage = \"0x1d8f8f00cfa6758d7be78336684788fb0ee0fa46\"", "node.conf", NoVariables);

        var akka = ConfigurationFactory.ParseString(settings.AkkaHocon);

        Assert.Equal("INFO", akka.GetString("akka.loglevel"));
        Assert.Equal("WARNING", akka.GetString("akka.stdout-loglevel"));
        Assert.False(akka.GetBoolean("akka.log-dead-letters-during-shutdown"));
    }

    [Fact]
    public void Render_FileSectionOverReference_AkkaReadsEveryKindOfValue()
    {
        var config = KeeperSettingsLoader.ParseConfig("""
            akka {
              loglevel = DEBUG
              actor {
                ask-timeout = 5s
                count = 12
                ratio = 0.5
                enabled = true
                names = [a, "b c", 3]
                deep { text = "quote \" backslash \\ hash # slashes // dollar ${x} newline \n end" }
                "dotted.key" = value
                nothing = null
              }
              remote.dot-netty.tcp.maximum-frame-size = 256000b
            }
            """, "node.conf", NoVariables);

        var akka = ConfigurationFactory.ParseString(AkkaConfigSection.Render(config));

        Assert.Equal("DEBUG", akka.GetString("akka.loglevel"));
        Assert.Equal("WARNING", akka.GetString("akka.stdout-loglevel"));
        Assert.Equal(TimeSpan.FromSeconds(5), akka.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal(12, akka.GetInt("akka.actor.count"));
        Assert.Equal(0.5, akka.GetDouble("akka.actor.ratio"));
        Assert.True(akka.GetBoolean("akka.actor.enabled"));
        Assert.Equal(["a", "b c", "3"], akka.GetStringList("akka.actor.names"));
        Assert.Equal("quote \" backslash \\ hash # slashes // dollar ${x} newline \n end", akka.GetString("akka.actor.deep.text"));
        Assert.Equal("value", akka.GetString("akka.actor.\"dotted.key\""));
        Assert.Null(akka.GetString("akka.actor.nothing"));
        Assert.Equal(256000L, akka.GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size"));
        Assert.False(akka.HasPath("keeper"));
    }

    [Fact]
    public void Render_ReferenceSection_QuotesEveryKeyAndString()
    {
        var config = KeeperSettingsLoader.ParseConfig(string.Empty, "empty.conf", NoVariables);

        var text = AkkaConfigSection.Render(config);

        Assert.Equal(
            "\"akka\" = {\n  \"loglevel\" = \"INFO\"\n  \"stdout-loglevel\" = \"WARNING\"\n  \"log-dead-letters-during-shutdown\" = \"off\"\n}\n",
            text);
    }

    [Fact]
    public void Render_NoAkkaSection_RendersAnEmptyObject()
    {
        var text = AkkaConfigSection.Render(HoconConfig.Parse("a = 1", "a.conf", environment: _ => null));

        Assert.Equal("\"akka\" = {\n}\n", text);
        Assert.Equal("fallback", ConfigurationFactory.ParseString(text).WithFallback(ConfigurationFactory.ParseString("akka.x = fallback")).GetString("akka.x"));
    }

    [Fact]
    public void Render_AkkaNotAnObject_ThrowsNamingWhereItWasSet()
    {
        var error = Assert.Throws<HoconException>(() => AkkaConfigSection.Render(HoconConfig.Parse("akka = 5", "a.conf", environment: _ => null)));

        Assert.Equal("a.conf:1:8: akka: expected an object (Akka's settings) but found a number", error.Message);
    }
}
