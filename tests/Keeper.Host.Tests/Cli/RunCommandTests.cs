using Keeper.Host.Cli;
using Xunit;

namespace Keeper.Host.Tests.Cli;

/// <summary><c>keeper run</c> refuses bad configuration before it starts anything.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("keeper-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Run_UnknownKey_ExitsBadInputNamingTheKey()
    {
        var config = Config("fees.max-fee-per-gwei = 5");

        var (exitCode, _, error) = await CliRunner.RunAsync("run", "--config", config);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal(
            $"keeper run: Setting 'keeper.fees.max-fee-per-gwei': is not a known key (set at {config}:3:27); " +
            "did you mean keeper.fees.max-fee-per-gas-gwei? hocon/reference.conf lists every key.\n",
            error);
    }

    [Fact]
    public async Task Run_ThreeBadKeys_ExitsBadInputListingEveryOneBeforeStartingAnything()
    {
        var config = Config("chain.confirmations = 0\nstore.kind = mysql\nfees.max-fee-per-gwei = 5");

        var (exitCode, _, error) = await CliRunner.RunAsync("run", "--config", config);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        var lines = error.Split('\n');
        Assert.Equal("keeper run: 3 settings are wrong:", lines[0]);
        Assert.StartsWith("  Setting 'keeper.fees.max-fee-per-gwei': is not a known key", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("  Setting 'keeper.chain.confirmations': 0 is out of range; use 1 to 64.", lines[2], StringComparison.Ordinal);
        Assert.Equal("  Setting 'keeper.store.kind': 'mysql' is not a store kind; use sqlite or postgres.", lines[3]);
    }

    [Fact]
    public async Task Run_UnknownOverride_ExitsBadInputNamingTheVariable()
    {
        var environment = new Dictionary<string, string> { ["KEEPER_keeper__fees__max-fee-per-gwei"] = "5" };

        var (exitCode, _, error) = await CliRunner.RunAsync(environment, "run", "--config", Config(string.Empty));

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith(
            "keeper run: Setting 'keeper.fees.max-fee-per-gwei': is not a known key (set by the environment variable KEEPER_keeper__fees__max-fee-per-gwei); " +
            "did you mean keeper.fees.max-fee-per-gas-gwei (KEEPER_keeper__fees__max-fee-per-gas-gwei)?",
            error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OverrideOfTheWrongType_ExitsBadInputNamingTheVariable()
    {
        var environment = new Dictionary<string, string> { ["KEEPER_keeper__http__port"] = "eighty" };

        var (exitCode, _, error) = await CliRunner.RunAsync(environment, "run", "--config", Config(string.Empty));

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal(
            "keeper run: Setting 'keeper.http.port': 'eighty' is not a number such as 42 or 0.5 (set by the environment variable KEEPER_keeper__http__port).\n",
            error);
    }

    private string Config(string extra)
    {
        var path = Path.Combine(_dir, "node.conf");
        File.WriteAllText(path, $$"""
            keeper {
              rocketpool.storage = "0x1d8f8f00cfa6758d7be78336684788fb0ee0fa46"
              {{extra}}
            }
            """);
        return path;
    }
}
