using Keeper.Chain.Primitives;
using Keeper.Host.Node;
using Xunit;

namespace Keeper.Host.Tests.Node;

public sealed class GoGoPoolSettingsTests
{
    private const string CChainStorage = "0x1cEa17F9dE4De28FeB6A102988E12D4B90DfF1a9";

    private static KeeperSettings Parse(string goGoPool) =>
        KeeperSettingsLoader.Parse($"keeper {{ rocketpool.storage = \"{SettingsFiles.Storage}\"\n{goGoPool} }}", "inline", SettingsFiles.NoVariables);

    [Fact]
    public void Defaults_OffWithTheCChainsFigures()
    {
        var goGoPool = Parse(string.Empty).GoGoPool;

        Assert.False(goGoPool.Enabled);
        Assert.Equal(43114UL, goGoPool.ChainId);
        Assert.Empty(goGoPool.Rpc);
        Assert.Equal(TimeSpan.FromSeconds(2), goGoPool.Slot);
        Assert.Equal(TimeSpan.FromSeconds(12), goGoPool.GateWindow);
        Assert.Equal(TimeSpan.FromHours(24), goGoPool.WithdrawGrace);
        Assert.Equal(100_000_000_000, goGoPool.MaxFeePerGas);
        Assert.False(goGoPool.OwnSigner);
        Assert.Equal("KEEPER_GOGOPOOL_KEYSTORE_PASSWORD", goGoPool.Signer.PasswordEnv);
    }

    [Fact]
    public void Enabled_EveryKeyRead()
    {
        var goGoPool = Parse($$"""
            gogopool {
              enabled = on
              chain-id = 43113
              rpc = ["http://127.0.0.1:9650/ext/bc/C/rpc"]
              storage = "{{CChainStorage}}"
              slot = 3s
              poll-interval = 500ms
              confirmations = 2
              log-range = 1000
              history-depth = 32
              settings-refresh = 120s
              gate.window = 9s
              max-fee-per-gas-gwei = 50
              owners = ["0x00000000000000000000000000000000000000c3"]
              signer { keystore = "/keys/avax.json", password-file = "/keys/avax.pass" }
              alerts.withdraw-grace = 6h
            }
            """).GoGoPool;

        Assert.True(goGoPool.Enabled);
        Assert.Equal(43113UL, goGoPool.ChainId);
        Assert.Equal([new Uri("http://127.0.0.1:9650/ext/bc/C/rpc")], goGoPool.Rpc);
        Assert.Equal(Address.Parse(CChainStorage), goGoPool.Storage);
        Assert.Equal(TimeSpan.FromSeconds(3), goGoPool.Slot);
        Assert.Equal(TimeSpan.FromMilliseconds(500), goGoPool.PollInterval);
        Assert.Equal(2, goGoPool.Confirmations);
        Assert.Equal(1000UL, goGoPool.LogRange);
        Assert.Equal(32, goGoPool.HistoryDepth);
        Assert.Equal(TimeSpan.FromSeconds(120), goGoPool.SettingsRefresh);
        Assert.Equal(TimeSpan.FromSeconds(9), goGoPool.GateWindow);
        Assert.Equal(50_000_000_000, goGoPool.MaxFeePerGas);
        Assert.Equal([Address.Parse("0x00000000000000000000000000000000000000c3")], goGoPool.Owners);
        Assert.True(goGoPool.OwnSigner);
        Assert.Equal("/keys/avax.pass", goGoPool.Signer.PasswordFile);
        Assert.Equal(TimeSpan.FromHours(6), goGoPool.WithdrawGrace);
    }

    [Fact]
    public void Enabled_WithoutRpcOrStorage_BothNamedWithTheirFix()
    {
        var error = Assert.Throws<SettingsException>(() => Parse("gogopool.enabled = on"));

        var rpc = Assert.Single(error.Errors, e => e.Key == "keeper.gogopool.rpc");
        var storage = Assert.Single(error.Errors, e => e.Key == "keeper.gogopool.storage");
        Assert.Contains("list the C-Chain JSON-RPC endpoints", rpc.Message, StringComparison.Ordinal);
        Assert.Contains("0x1cEa17F9dE4De28FeB6A102988E12D4B90DfF1a9", storage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Off_WithoutRpcOrStorage_Accepted()
    {
        Assert.False(Parse("gogopool { enabled = off, chain-id = 43113 }").GoGoPool.Enabled);
    }

    [Theory]
    [InlineData("gogopool.owners = [\"avax-node\"]", "keeper.gogopool.owners[0]", "'avax-node' is not an address")]
    [InlineData("gogopool.alerts.withdraw-grace = 10s", "keeper.gogopool.alerts.withdraw-grace", "too short")]
    [InlineData("gogopool.chain-id = 0", "keeper.gogopool.chain-id", "")]
    [InlineData("gogopool.storage = \"0x12\"", "keeper.gogopool.storage", "")]
    [InlineData("gogopool.gas = 1", "keeper.gogopool.gas", "not a known key")]
    public void Wrong_NamesTheKey(string setting, string key, string problem)
    {
        var error = Assert.Throws<SettingsException>(() => Parse(setting));

        Assert.Contains(error.Errors, e => e.Key == key && e.Message.Contains(problem, StringComparison.Ordinal));
    }
}
