using Keeper.Host.Configuration;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Keeper.Host.Tests.Configuration;

public sealed class HoconConfigurationProviderTests
{
    private const string Text = """
        keeper {
          rpc { url = "http://localhost:8545", timeout = 30s }
          endpoints = [ "a", "b" ]
          pools = [ { name = p1 }, { name = p2 } ]
          flag = true
          ratio = 1.50
          gone = null
          empty {}
          base = { x = 1 }
          derived = ${keeper.base} { y = 2 }
        }
        """;

    [Fact]
    public void AddHocon_FlattensToColonKeys()
    {
        var config = new ConfigurationBuilder().AddHocon(Text, "keeper.conf").Build();

        Assert.Equal("http://localhost:8545", config["keeper:rpc:url"]);
        Assert.Equal("30s", config["keeper:rpc:timeout"]);
        Assert.Equal("a", config["keeper:endpoints:0"]);
        Assert.Equal("b", config["keeper:endpoints:1"]);
        Assert.Equal("p2", config["keeper:pools:1:name"]);
        Assert.Equal("true", config["keeper:flag"]);
        Assert.Equal("1.50", config["keeper:ratio"]);
        Assert.Null(config["keeper:gone"]);
        Assert.Equal("1", config["keeper:derived:x"]);
        Assert.Equal("2", config["keeper:derived:y"]);
        Assert.Equal("http://localhost:8545", config.GetSection("keeper").GetSection("rpc")["URL"]);
    }

    [Fact]
    public void Flatten_WholeTree_HasExactlyTheseKeys()
    {
        var data = HoconConfigurationProvider.Flatten(HoconConfig.Parse(Text, "keeper.conf").Root);

        Assert.Equal(
            [
                "keeper:base:x", "keeper:derived:x", "keeper:derived:y", "keeper:empty", "keeper:endpoints:0", "keeper:endpoints:1",
                "keeper:flag", "keeper:gone", "keeper:pools:0:name", "keeper:pools:1:name", "keeper:ratio", "keeper:rpc:timeout", "keeper:rpc:url",
            ],
            data.Keys.Order(StringComparer.Ordinal));
        Assert.Null(data["keeper:empty"]);
    }

    [Fact]
    public void EnvironmentVariables_AddedAfterHocon_OverrideKeys()
    {
        // The .NET mapping: AddEnvironmentVariables(prefix) after the HOCON source; "__" separates key levels. (Not KEEPER_:
        // a KEEPER_...__... process variable would be a Keeper override for every settings load running alongside.)
        var prefix = $"HOCON_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "keeper__rpc__timeout", "5s");
        Environment.SetEnvironmentVariable(prefix + "keeper__endpoints__1", "c");
        try
        {
            var config = new ConfigurationBuilder()
                .AddHocon(Text, "keeper.conf")
                .AddEnvironmentVariables(prefix)
                .Build();

            Assert.Equal("5s", config["keeper:rpc:timeout"]);
            Assert.Equal("c", config["keeper:endpoints:1"]);
            Assert.Equal("a", config["keeper:endpoints:0"]);
            Assert.Equal("http://localhost:8545", config["keeper:rpc:url"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "keeper__rpc__timeout", null);
            Environment.SetEnvironmentVariable(prefix + "keeper__endpoints__1", null);
        }
    }

    [Fact]
    public void AddHoconFile_ReadsFileWithIncludes()
    {
        var dir = Directory.CreateTempSubdirectory("keeper-hocon-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "defaults.conf"), "keeper.rpc.retries = 3\nkeeper.rpc.timeout = 10s");
            File.WriteAllText(Path.Combine(dir, "keeper.conf"), "include \"defaults.conf\"\nkeeper.rpc.timeout = 20s");

            var config = new ConfigurationBuilder().AddHoconFile(Path.Combine(dir, "keeper.conf")).Build();

            Assert.Equal("3", config["keeper:rpc:retries"]);
            Assert.Equal("20s", config["keeper:rpc:timeout"]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AddHoconFile_MissingOptional_AddsNothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"keeper-missing-{Guid.NewGuid():N}.conf");

        var config = new ConfigurationBuilder().AddHoconFile(path, optional: true).Build();

        Assert.Empty(config.AsEnumerable());
    }

    [Fact]
    public void AddHoconFile_MissingRequired_Throws()
    {
        var path = Path.Combine(Path.GetTempPath(), $"keeper-missing-{Guid.NewGuid():N}.conf");

        var error = Assert.Throws<HoconException>(() => new ConfigurationBuilder().AddHoconFile(path).Build());

        Assert.Equal($"{path}:1:1: configuration file not found; check the path", error.Message);
    }

    [Fact]
    public void AddHocon_KeysDifferingOnlyInCase_Throws()
    {
        var error = Assert.Throws<HoconException>(() => new ConfigurationBuilder().AddHocon("a { b = 1, B = 2 }", "case.conf").Build());

        Assert.Equal("case.conf:1:16: key 'a:B' differs from 'a:b' only in letter case, and configuration keys ignore case; rename one", error.Message);
    }
}
