using Keeper.Chain.Primitives;
using Keeper.Host.Node;
using Xunit;

namespace Keeper.Host.Tests.Node;

public sealed class OwnSettingsTests
{
    private static KeeperSettings Parse(string own) =>
        KeeperSettingsLoader.Parse($"keeper {{ rocketpool.storage = \"{SettingsFiles.Storage}\"\n{own} }}", "inline", SettingsFiles.NoVariables);

    [Fact]
    public void Defaults_OnForTheSigningAccountWithDaysBeforeAStakeAndHoursBeforeAReport()
    {
        var own = Parse(string.Empty).Own;

        Assert.True(own.Enabled);
        Assert.Empty(own.NodeAddresses);
        Assert.Equal(TimeSpan.FromHours(72), own.WarnBeforeDissolve);
        Assert.Equal(TimeSpan.FromHours(6), own.WarnBeforeNotify);
    }

    [Fact]
    public void NodeAddresses_Listed_Parsed()
    {
        var own = Parse("own { node-addresses = [\"0x00000000000000000000000000000000000000c3\"], warn-before-dissolve = 5d, warn-before-notify = 90m }").Own;

        Assert.Equal([Address.Parse("0x00000000000000000000000000000000000000c3")], own.NodeAddresses);
        Assert.Equal(TimeSpan.FromDays(5), own.WarnBeforeDissolve);
        Assert.Equal(TimeSpan.FromMinutes(90), own.WarnBeforeNotify);
    }

    [Fact]
    public void NodeAddresses_NotAnAddress_NamesTheEntryAndHowToFixIt()
    {
        var error = Assert.Throws<SettingsException>(() => Parse("own.node-addresses = [\"0x00000000000000000000000000000000000000c3\", \"my-node\"]"));

        Assert.Equal("keeper.own.node-addresses[1]", error.Key);
        Assert.Contains("'my-node' is not an address", error.Message, StringComparison.Ordinal);
        Assert.Contains("leave the list empty to use the signing account's", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("own.warn-before-dissolve = 10s", "keeper.own.warn-before-dissolve", "too short")]
    [InlineData("own.warn-before-notify = 400d", "keeper.own.warn-before-notify", "more than a year")]
    public void WarnBefore_OutOfRange_NamesTheKey(string setting, string key, string problem)
    {
        var error = Assert.Throws<SettingsException>(() => Parse(setting));

        Assert.Equal(key, error.Key);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
