using Keeper.Host.Cli;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>Configuration refused by a real keeper process, as an operator's shell sees it: exit code and standard error.</summary>
public sealed class ConfigProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("keeper-config-process-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("config check", "keeper config check")]
    [InlineData("run --config", "keeper run")]
    public async Task UnknownKeyInTheFile_ExitsBadInputNamingTheKeyWhereAndTheNearestKnownOne(string command, string prefix)
    {
        var config = Config("fees.max-fee-per-gwei = 5");

        var (exitCode, output, error) = await KeeperCommandLine.RunAsync(null, Timeout, [.. command.Split(' '), config]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal(
            $"{prefix}: Setting 'keeper.fees.max-fee-per-gwei': is not a known key (set at {config}:3:27); " +
            "did you mean keeper.fees.max-fee-per-gas-gwei? hocon/reference.conf lists every key.\n",
            error);
        Assert.Equal(string.Empty, output);
    }

    [Theory]
    [InlineData("config check", "keeper config check")]
    [InlineData("run --config", "keeper run")]
    public async Task UnknownKeyInTheEnvironment_ExitsBadInputNamingTheVariableAndTheNearestKnownOne(string command, string prefix)
    {
        var environment = new Dictionary<string, string> { ["KEEPER_keeper__fees__max-fee-per-gwei"] = "5" };

        var (exitCode, output, error) = await KeeperCommandLine.RunAsync(environment, Timeout, [.. command.Split(' '), Config(string.Empty)]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith(
            $"{prefix}: Setting 'keeper.fees.max-fee-per-gwei': is not a known key (set by the environment variable KEEPER_keeper__fees__max-fee-per-gwei); " +
            "did you mean keeper.fees.max-fee-per-gas-gwei (KEEPER_keeper__fees__max-fee-per-gas-gwei)?",
            error,
            StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task ConfigCheck_EnvironmentOverride_PrintsTheOverriddenValue()
    {
        var environment = new Dictionary<string, string> { ["KEEPER_keeper__fees__max-fee-per-gas-gwei"] = "7" };

        var (exitCode, output, error) = await KeeperCommandLine.RunAsync(environment, Timeout, "config", "check", "--no-signer", Config("fees.max-fee-per-gas-gwei = 5"));

        Assert.Equal(string.Empty, error);
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("keeper.fees.max-fee-per-gas-gwei = 7", output.Split('\n'));
    }

    private string Config(string extra)
    {
        var path = Path.Combine(_dir, $"node-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, $$"""
            keeper {
              rocketpool.storage = "0x1d8f8f00cfa6758d7be78336684788fb0ee0fa46"
              {{extra}}
            }
            """);
        return path;
    }
}
