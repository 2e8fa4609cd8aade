using Akka.Configuration;
using Keeper.Host.Node;
using Xunit;

namespace Keeper.Host.Tests.Node;

/// <summary>KEEPER_…__… variables over the file, through the settings loader as keeper run uses it.</summary>
public sealed class EnvironmentOverridesTests : IDisposable
{
    private readonly SettingsFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Load_PortVariable_OverridesTheFile()
    {
        var settings = Load("http.port = 8081", ("KEEPER_keeper__http__port", "9999"));

        Assert.Equal(9999, settings.Http.Port);
    }

    [Fact]
    public void Load_UpperCaseNameWithUnderscores_SetsTheHyphenatedKey()
    {
        var settings = Load(string.Empty, ("KEEPER_KEEPER__CHAIN__RPC_TIMEOUT", "5s"));

        Assert.Equal(TimeSpan.FromSeconds(5), settings.Chain.RpcTimeout);
    }

    [Fact]
    public void Load_VariablesOfEachType_AreReadAsTheReferenceKeyExpects()
    {
        var settings = Load(
            string.Empty,
            ("KEEPER_keeper__chain__slot", "4s"),
            ("KEEPER_keeper__gate__enabled", "OFF"),
            ("KEEPER_keeper__fees__reward-percentile", "75.5"),
            ("KEEPER_keeper__chain__log-range", "500"),
            ("KEEPER_keeper__node__id", "keeper-7"),
            ("KEEPER_keeper__profit__min-profit-wei", "1000000000000000000000"));

        Assert.Equal(TimeSpan.FromSeconds(4), settings.Chain.Slot);
        Assert.False(settings.Gate.Enabled);
        Assert.Equal(75.5, settings.Fees.RewardPercentile);
        Assert.Equal(500UL, settings.Chain.LogRange);
        Assert.Equal("keeper-7", settings.NodeId);
        Assert.Equal(System.Numerics.BigInteger.Parse("1000000000000000000000", System.Globalization.CultureInfo.InvariantCulture), settings.Profit.MinProfitWei);
    }

    [Fact]
    public void Load_ListElementVariable_ReplacesThatElementOnly()
    {
        var settings = Load("chain.rpc = [\"http://a:8545\", \"http://b:8545\"]", ("KEEPER_keeper__chain__rpc__0", "http://c:8545"));

        Assert.Equal(["http://c:8545/", "http://b:8545/"], settings.Chain.Rpc.Select(u => u.ToString()));
    }

    [Fact]
    public void Load_ListLengthAsIndex_AppendsInIndexOrder()
    {
        var settings = Load(
            "chain.rpc = [\"http://a:8545\"]",
            ("KEEPER_keeper__chain__rpc__2", "http://c:8545"),
            ("KEEPER_keeper__chain__rpc__1", "http://b:8545"));

        Assert.Equal(["http://a:8545/", "http://b:8545/", "http://c:8545/"], settings.Chain.Rpc.Select(u => u.ToString()));
    }

    [Fact]
    public void Load_FirstElementOfAnEmptyList_AppendsIt()
    {
        var settings = Load(string.Empty, ("KEEPER_keeper__beacon__endpoints__0", "http://a:5052"));

        Assert.Equal(["http://a:5052/"], settings.Beacon.Endpoints.Select(u => u.ToString()));
    }

    [Fact]
    public void Load_WholeListThenElement_AppliesTheElementOverTheNewList()
    {
        var settings = Load(
            "chain.rpc = [\"http://a:8545\"]",
            ("KEEPER_keeper__chain__rpc", "[\"http://b:8545\", \"http://c:8545\"]"),
            ("KEEPER_keeper__chain__rpc__1", "http://d:8545"));

        Assert.Equal(["http://b:8545/", "http://d:8545/"], settings.Chain.Rpc.Select(u => u.ToString()));
    }

    [Fact]
    public void Load_ListIndexPastTheEnd_ThrowsNamingTheVariable()
    {
        var error = Assert.Throws<SettingsException>(() => Load("chain.rpc = [\"http://a:8545\"]", ("KEEPER_keeper__chain__rpc__2", "http://c:8545")));

        Assert.Equal(
            "Setting 'keeper.chain.rpc': has 1 element(s), so there is no element 2 (set by the environment variable KEEPER_keeper__chain__rpc__2); " +
            "an index from 0 to 0 replaces one, 1 appends one.",
            error.Message);
    }

    [Fact]
    public void Load_WholeListVariable_ReplacesTheList()
    {
        var settings = Load(string.Empty, ("KEEPER_keeper__beacon__endpoints", "[\"http://a:5052\", \"http://b:5052\"]"));

        Assert.Equal(["http://a:5052/", "http://b:5052/"], settings.Beacon.Endpoints.Select(u => u.ToString()));
    }

    [Fact]
    public void Load_WholeListVariableNotWrittenAsAList_ThrowsWithTheFix()
    {
        var error = Assert.Throws<SettingsException>(() => Load(string.Empty, ("KEEPER_keeper__beacon__endpoints", "http://a:5052")));

        Assert.StartsWith(
            "Setting 'keeper.beacon.endpoints': is a list (set by the environment variable KEEPER_keeper__beacon__endpoints); write it as [\"a\", \"b\"]",
            error.Message,
            StringComparison.Ordinal);
        Assert.EndsWith(", or set one element with KEEPER_keeper__beacon__endpoints__0.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeyVariable_ThrowsNamingTheVariableAndTheNearestKey()
    {
        var error = Assert.Throws<SettingsException>(() => Load(string.Empty, ("KEEPER_keeper__http__prot", "9999")));

        Assert.Equal("keeper.http.prot", error.Key);
        Assert.Equal(
            "Setting 'keeper.http.prot': is not a known key (set by the environment variable KEEPER_keeper__http__prot); " +
            "did you mean keeper.http.port (KEEPER_keeper__http__port)? hocon/reference.conf lists every key.",
            error.Message);
    }

    [Fact]
    public void Load_VariableOutsideKeeperAndAkka_ThrowsSuggestingTheKeeperKey()
    {
        var error = Assert.Throws<SettingsException>(() => Load(string.Empty, ("KEEPER_keper__http__port", "9999")));

        Assert.StartsWith(
            "Setting 'keper.http.port': is outside the keeper and akka sections, the only ones overrides set (set by the environment variable " +
            "KEEPER_keper__http__port); did you mean keeper.http.port (KEEPER_keeper__http__port)?",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SectionVariable_ThrowsAskingForItsKeys()
    {
        var error = Assert.Throws<SettingsException>(() => Load(string.Empty, ("KEEPER_keeper__http", "9999")));

        Assert.Equal(
            "Setting 'keeper.http': is a section (set by the environment variable KEEPER_keeper__http); " +
            "set its keys one by one, e.g. KEEPER_keeper__http__host.",
            error.Message);
    }

    [Theory]
    [InlineData("KEEPER_keeper__chain__rpc-timeout", "soon", "'soon' is not a duration such as '30s', '5 minutes' or '28 days'")]
    [InlineData("KEEPER_keeper__http__port", "80a", "'80a' is not a number such as 42 or 0.5")]
    [InlineData("KEEPER_keeper__gate__enabled", "maybe", "'maybe' is not a boolean (true/false, yes/no, on/off)")]
    public void Load_VariableOfTheWrongType_ThrowsNamingTheVariable(string variable, string value, string problem)
    {
        var error = Assert.Throws<SettingsException>(() => Load(string.Empty, (variable, value)));

        Assert.StartsWith($"Setting '{error.Key}': {problem}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(set by the environment variable {variable})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OutOfRangeVariable_SaysWhichVariableSetIt()
    {
        var error = Assert.Throws<SettingsException>(() => Load(string.Empty, ("KEEPER_keeper__http__port", "99999")));

        Assert.Equal("Setting 'keeper.http.port': 99999 is out of range; use 0 to 65535. Set by the environment variable KEEPER_keeper__http__port.", error.Message);
    }

    [Fact]
    public void Load_TwoVariablesForOneKey_ThrowsNamingBoth()
    {
        var error = Assert.Throws<SettingsException>(() => Load(string.Empty, ("KEEPER_keeper__http__port", "1"), ("KEEPER_KEEPER__HTTP__PORT", "2")));

        Assert.Equal(
            "Setting 'keeper.http.port': is set by more than one environment variable (KEEPER_KEEPER__HTTP__PORT, KEEPER_keeper__http__port); keep one.",
            error.Message);
    }

    [Fact]
    public void Load_EmptyKeyInVariableName_Throws()
    {
        var error = Assert.Throws<SettingsException>(() => Load(string.Empty, ("KEEPER_keeper____http__port", "1")));

        Assert.Equal("KEEPER_keeper____http__port", error.Key);
    }

    [Fact]
    public void Load_KeeperVariablesWithoutDoubleUnderscore_AreNotOverrides()
    {
        var path = _files.Node("store { kind = postgres, connection-string = ${?KEEPER_STORE_CONNECTION} }");
        var environment = new Dictionary<string, string>
        {
            ["KEEPER_STORE_CONNECTION"] = "Host=db;Database=keeper",
            ["KEEPER_LOG_LEVEL"] = "Debug",
            ["KEEPER_ANVIL_PATH"] = "/opt/anvil",
            ["KEEPER_POSTGRES_BIN"] = "/usr/lib/postgresql/15/bin",
            ["KEEPER_FAULT"] = "after-send",
            ["OTHER__VARIABLE"] = "x",
        };

        var settings = KeeperSettingsLoader.Load(path, environment);

        Assert.Equal("Host=db;Database=keeper", settings.Store.ConnectionString);
    }

    [Fact]
    public void Parse_PortVariable_OverridesTheText()
    {
        var settings = KeeperSettingsLoader.Parse(
            $"keeper {{ rocketpool.storage = \"{SettingsFiles.Storage}\", http.port = 1 }}",
            "inline",
            new Dictionary<string, string> { ["KEEPER_keeper__http__port"] = "9999" });

        Assert.Equal(9999, settings.Http.Port);
    }

    [Fact]
    public void LoadConfig_Overrides_DoNotChangeTheFileValuesSubstitutedEarlier()
    {
        var path = _files.Write($"keeper {{ rocketpool.storage = \"{SettingsFiles.Storage}\", gate.window = 12s, chain.slot = ${{keeper.gate.window}} }}");

        var config = KeeperSettingsLoader.LoadConfig(path, new Dictionary<string, string> { ["KEEPER_keeper__gate__window"] = "24s" });

        Assert.Equal(TimeSpan.FromSeconds(24), config.GetDuration("keeper.gate.window"));
        Assert.Equal(TimeSpan.FromSeconds(12), config.GetDuration("keeper.chain.slot"));
    }

    [Fact]
    public void Load_AkkaVariables_ReachAkkaHoconTyped()
    {
        var settings = Load(
            string.Empty,
            ("KEEPER_akka__loglevel", "DEBUG"),
            ("KEEPER_AKKA__LOG_DEAD_LETTERS_DURING_SHUTDOWN", "on"),
            ("KEEPER_akka__actor__ask-timeout", "4s"));

        var akka = ConfigurationFactory.ParseString(settings.AkkaHocon);

        Assert.Equal("DEBUG", akka.GetString("akka.loglevel"));
        Assert.True(akka.GetBoolean("akka.log-dead-letters-during-shutdown"));
        Assert.Equal(TimeSpan.FromSeconds(4), akka.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal("WARNING", akka.GetString("akka.stdout-loglevel"));
    }

    [Fact]
    public void Load_AkkaVariableOfTheWrongType_ThrowsNamingTheVariable()
    {
        var error = Assert.Throws<SettingsException>(() => Load(string.Empty, ("KEEPER_akka__log-dead-letters-during-shutdown", "sometimes")));

        Assert.Equal("akka.log-dead-letters-during-shutdown", error.Key);
        Assert.Contains("(set by the environment variable KEEPER_akka__log-dead-letters-during-shutdown)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AkkaVariableBelowAValue_Throws()
    {
        var error = Assert.Throws<SettingsException>(() => Load(string.Empty, ("KEEPER_akka__loglevel__x", "1")));

        Assert.StartsWith(
            "Setting 'akka.loglevel.x': cannot be set (set by the environment variable KEEPER_akka__loglevel__x): akka.loglevel is a string (reference.conf:",
            error.Message,
            StringComparison.Ordinal);
    }

    private KeeperSettings Load(string keeperLines, params (string Name, string Value)[] variables) =>
        KeeperSettingsLoader.Load(_files.Node(keeperLines), variables.ToDictionary(v => v.Name, v => v.Value));
}
