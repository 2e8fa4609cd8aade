using System.Numerics;
using Keeper.Host.Node;
using Xunit;

namespace Keeper.Host.Tests.Node;

public sealed class KeeperSettingsLoaderTests : IDisposable
{
    private readonly SettingsFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Load_UnknownKeyUnderFees_ThrowsNamingTheKeyWhereItWasSetAndTheNearestKey()
    {
        var path = _files.Write($$"""
            keeper {
              rocketpool.storage = "{{SettingsFiles.Storage}}"
              fees {
                max-fee-per-gwei = 5
              }
            }
            """);

        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(path, SettingsFiles.NoVariables));

        Assert.Equal("keeper.fees.max-fee-per-gwei", error.Key);
        Assert.Equal(
            $"Setting 'keeper.fees.max-fee-per-gwei': is not a known key (set at {path}:4:24); " +
            "did you mean keeper.fees.max-fee-per-gas-gwei? hocon/reference.conf lists every key.",
            error.Message);
    }

    [Theory]
    [InlineData("http.prot = 1", "keeper.http.prot", "keeper.http.port")]
    [InlineData("gate.enable = off", "keeper.gate.enable", "keeper.gate.enabled")]
    [InlineData("HTTP.port = 1", "keeper.HTTP.port", "keeper.http.port")]
    [InlineData("fee.max-fee-per-gas-gwei = 5", "keeper.fee.max-fee-per-gas-gwei", "keeper.fees.max-fee-per-gas-gwei")]
    [InlineData("chain.window = 6s", "keeper.chain.window", "keeper.gate.window")]
    [InlineData("fess { }", "keeper.fess", "keeper.fees")]
    [InlineData("http.port { number = 1 }", "keeper.http.port.number", "keeper.http.port")]
    public void Load_MisspeltOrMisplacedKey_SuggestsTheNearestKnownKey(string line, string key, string suggestion)
    {
        var path = _files.Node(line);

        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(path, SettingsFiles.NoVariables));

        Assert.Equal(key, error.Key);
        Assert.Contains($"did you mean {suggestion}?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeyNothingNear_ListsTheKeysOfItsSection()
    {
        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(_files.Node("fees.banana = 1"), SettingsFiles.NoVariables));

        Assert.EndsWith(
            "; keeper.fees has: max-fee-per-gas-gwei, reward-percentile, min-priority-fee-gwei, history-blocks, bump-after-blocks. " +
            "hocon/reference.conf lists every key.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownSection_ListsTheSectionsOfKeeper()
    {
        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(_files.Node("zzz.qqq = 1"), SettingsFiles.NoVariables));

        Assert.Equal("keeper.zzz.qqq", error.Key);
        Assert.Contains("; keeper has: node, chain, rocketpool, beacon, signer, store, gate, cluster, fees, profit, tracking, own, gogopool, http.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralUnknownKeys_NamesTheFirstAndListsTheOthersWithTheirPlaces()
    {
        var path = _files.Node("http.prot = 1\n  chain.rpc-timout = 5s");

        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(path, SettingsFiles.NoVariables));

        Assert.Equal("keeper.http.prot", error.Key);
        Assert.EndsWith($" Also unknown: keeper.chain.rpc-timout ({path}:4:22).", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Setting 'keeper.http.prot': is not a known key (set at {path}:3:15); did you mean keeper.http.port?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeyInIncludedFile_CitesTheIncludedFile()
    {
        var included = _files.Write("keeper.gate.windw = 6s\n", "common.conf");
        var path = _files.Write($"include \"common.conf\"\nkeeper.rocketpool.storage = \"{SettingsFiles.Storage}\"\n", "main.conf");

        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(path, SettingsFiles.NoVariables));

        Assert.StartsWith($"Setting 'keeper.gate.windw': is not a known key (set at {included}:1:21); did you mean keeper.gate.window?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeyUnderAkka_IsLeftToAkka()
    {
        var path = _files.Write($"keeper.rocketpool.storage = \"{SettingsFiles.Storage}\"\nakka.actor.no-such-akka-key = 3\n");

        var settings = KeeperSettingsLoader.Load(path, SettingsFiles.NoVariables);

        Assert.Contains("\"no-such-akka-key\" = 3", settings.AkkaHocon, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TopLevelKeyOutsideKeeperAndAkka_IsAllowedForSubstitutions()
    {
        var path = _files.Write($"defaults.port = 9001\nkeeper {{ rocketpool.storage = \"{SettingsFiles.Storage}\", http.port = ${{defaults.port}} }}\n");

        var settings = KeeperSettingsLoader.Load(path, SettingsFiles.NoVariables);

        Assert.Equal(9001, settings.Http.Port);
    }

    [Fact]
    public void Parse_UnknownKey_ThrowsNamingTheSource()
    {
        var error = Assert.Throws<SettingsException>(() =>
            KeeperSettingsLoader.Parse($"keeper {{ rocketpool.storage = \"{SettingsFiles.Storage}\", profit.act-without-rewards = on }}", "inline", SettingsFiles.NoVariables));

        Assert.StartsWith("Setting 'keeper.profit.act-without-rewards': is not a known key (set at inline:1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean keeper.profit.act-without-reward?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OutOfRangeValue_SaysWhereItWasSet()
    {
        var path = _files.Node("chain.confirmations = 0");

        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(path, SettingsFiles.NoVariables));

        Assert.Equal($"Setting 'keeper.chain.confirmations': 0 is out of range; use 1 to 64. Set at {path}:3:25.", error.Message);
    }

    [Fact]
    public void Load_ReadsInFlight_ThreeByDefaultSetByTheFileAndRefusedOutOfRange()
    {
        var byDefault = KeeperSettingsLoader.Load(_files.Node(string.Empty), SettingsFiles.NoVariables);
        var one = KeeperSettingsLoader.Load(_files.Node("chain.reads-in-flight = 1"), SettingsFiles.NoVariables);
        var path = _files.Node("chain.reads-in-flight = 17");

        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(path, SettingsFiles.NoVariables));

        Assert.Equal((3, 1), (byDefault.Chain.ReadsInFlight, one.Chain.ReadsInFlight));
        Assert.Equal($"Setting 'keeper.chain.reads-in-flight': 17 is out of range; use 1 to 16. Set at {path}:3:27.", error.Message);
    }

    [Fact]
    public void Load_BeaconSszLimits_OneGibibyteAndTwoMinutesByDefaultSetByTheFileAndRefusedAboveOneArray()
    {
        var byDefault = KeeperSettingsLoader.Load(_files.Node(string.Empty), SettingsFiles.NoVariables);
        var set = KeeperSettingsLoader.Load(_files.Node("beacon { ssz-max-size = 512MiB, ssz-request-timeout = 5m }"), SettingsFiles.NoVariables);
        var path = _files.Node("beacon.ssz-max-size = 4GiB");

        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(path, SettingsFiles.NoVariables));

        Assert.Equal((1L << 30, TimeSpan.FromMinutes(2)), (byDefault.Beacon.SszMaxBytes, byDefault.Beacon.SszRequestTimeout));
        Assert.Equal((512L << 20, TimeSpan.FromMinutes(5)), (set.Beacon.SszMaxBytes, set.Beacon.SszRequestTimeout));
        Assert.Equal("keeper.beacon.ssz-max-size", error.Key);
        Assert.Contains($"4294967296 is out of range; use 1048576 to {Array.MaxLength}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SettingsRefresh_OneEpochByDefaultSetByTheFileAndRefusedBelowASecond()
    {
        var byDefault = KeeperSettingsLoader.Load(_files.Node(string.Empty), SettingsFiles.NoVariables);
        var minute = KeeperSettingsLoader.Load(_files.Node("rocketpool.settings-refresh = 1m"), SettingsFiles.NoVariables);
        var path = _files.Node("rocketpool.settings-refresh = 10ms");

        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(path, SettingsFiles.NoVariables));

        Assert.Equal((TimeSpan.FromSeconds(384), TimeSpan.FromMinutes(1)), (byDefault.SettingsRefresh, minute.SettingsRefresh));
        Assert.Contains("keeper.rocketpool.settings-refresh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingStorageAddress_SaysTheEmptyValueIsReferenceConfsDefault()
    {
        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Parse(string.Empty, "empty.conf", SettingsFiles.NoVariables));

        Assert.Equal(
            "Setting 'keeper.rocketpool.storage': is empty; set the contract's address (0x followed by 40 hex digits). This is reference.conf's default.",
            error.Message);
    }

    [Fact]
    public void Load_ShippedMainnetExample_LoadsWithTheConnectionStringFromTheEnvironment()
    {
        var environment = new Dictionary<string, string> { ["KEEPER_STORE_CONNECTION"] = "Host=db;Username=keeper;Password=pw;Database=keeper" };

        var settings = KeeperSettingsLoader.Load(SettingsFiles.Shipped("mainnet.example.conf"), environment);

        Assert.Equal(StoreKind.Postgres, settings.Store.Kind);
        Assert.Equal(environment["KEEPER_STORE_CONNECTION"], settings.Store.ConnectionString);
        Assert.Equal(new BigInteger(50_000_000_000), settings.Fees.MaxFeePerGas);
        Assert.Equal("keeper-1", settings.NodeId);
    }

    [Fact]
    public void Load_ShippedDevnetConf_LoadsOnceTheStorageAddressIsGiven()
    {
        var environment = new Dictionary<string, string> { ["KEEPER_keeper__rocketpool__storage"] = SettingsFiles.Storage };

        var settings = KeeperSettingsLoader.Load(SettingsFiles.Shipped("devnet.conf"), environment);

        Assert.Equal(TimeSpan.FromSeconds(2), settings.Chain.Slot);
        Assert.Equal(TimeSpan.FromSeconds(6), settings.Gate.Window);
        Assert.True(settings.Profit.ActWithoutReward);
        Assert.Equal(0, settings.Http.Port);
    }

    [Fact]
    public void Load_ShippedReferenceConf_OnlyLacksTheStorageAddress()
    {
        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(SettingsFiles.Shipped("reference.conf"), SettingsFiles.NoVariables));
        var settings = KeeperSettingsLoader.Load(
            SettingsFiles.Shipped("reference.conf"), new Dictionary<string, string> { ["KEEPER_keeper__rocketpool__storage"] = SettingsFiles.Storage });

        Assert.Equal("keeper.rocketpool.storage", error.Key);
        Assert.Equal(new BigInteger(200_000_000_000), settings.Fees.MaxFeePerGas);
        Assert.Equal(8080, settings.Http.Port);
    }

    [Fact]
    public void Load_ThreeIndependentBadKeys_ReportsEveryOneInOneErrorWithItsValueAndFix()
    {
        var path = _files.Write($$"""
            keeper {
              rocketpool.storage = "0x1234"
              chain.confirmations = 0
              store.kind = mysql
            }
            """);

        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(path, SettingsFiles.NoVariables));

        // In the order the loader reads the sections.
        Assert.Equal(["keeper.chain.confirmations", "keeper.store.kind", "keeper.rocketpool.storage"], error.Errors.Select(e => e.Key));
        Assert.Equal("keeper.chain.confirmations", error.Key);
        Assert.Equal(
            string.Join(Environment.NewLine,
                "3 settings are wrong:",
                $"  Setting 'keeper.chain.confirmations': 0 is out of range; use 1 to 64. Set at {path}:3:25.",
                "  Setting 'keeper.store.kind': 'mysql' is not a store kind; use sqlite or postgres.",
                $"  Setting 'keeper.rocketpool.storage': '0x1234' is not an address (0x followed by 40 hex digits, with a valid EIP-55 checksum if mixed-case). Set at {path}:2:24."),
            error.Message);
    }

    [Fact]
    public void Load_BadKeyInTheFileAndBadOverride_BothReportedTogether()
    {
        var path = _files.Node("chain.reads-in-flight = 17");
        var environment = new Dictionary<string, string> { ["KEEPER_keeper__http__port"] = "eighty" };

        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(path, environment));

        Assert.Equal(["keeper.http.port", "keeper.chain.reads-in-flight"], error.Errors.Select(e => e.Key));
        Assert.Contains("KEEPER_keeper__http__port", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal($"Setting 'keeper.chain.reads-in-flight': 17 is out of range; use 1 to 16. Set at {path}:3:27.", error.Errors[1].Message);
    }

    [Fact]
    public void Load_KeyThatCannotBeRead_ChecksCombiningItWithOthersAreSkipped()
    {
        // A heartbeat interval that is no duration must not also make the pause "shorter than the interval", nor an
        // unreadable hostname "empty".
        var path = _files.Node("cluster { failure-detector.heartbeat-interval = soon, hostname = [\"a\"] }");

        var error = Assert.Throws<SettingsException>(() => KeeperSettingsLoader.Load(path, SettingsFiles.NoVariables));

        Assert.Equal(["keeper.cluster.failure-detector.heartbeat-interval", "keeper.cluster.hostname"], error.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReferenceConf_EmbeddedCopy_IsTheShippedFile()
    {
        Assert.Equal(File.ReadAllText(SettingsFiles.Shipped("reference.conf")), KeeperSettingsLoader.ReferenceConf);
    }
}
