using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Host.Tests.Deploy;

/// <summary>deploy/keeper.service: runs the published binary unprivileged, restarts on failure but not on what a restart cannot fix, and holds no secret.</summary>
public sealed class SystemdUnitTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(DevChainPaths.Root, "deploy", "keeper.service"));

    private static string Value(string key) =>
        Assert.Single(Lines, l => l.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];

    [Fact]
    public void Unit_RunsThePublishedKeeperWithItsConfigAsAnUnprivilegedUser()
    {
        Assert.Equal("/opt/keeper/keeper run --config /etc/keeper/node.conf", Value("ExecStart"));
        Assert.Equal("keeper", Value("User"));
        Assert.Contains("dotnet publish src/Keeper.Host -c Release -r linux-x64 --self-contained -o /opt/keeper", string.Join('\n', Lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_RestartsOnFailureButNotOnBadInputOrATakenSigner()
    {
        Assert.Equal("on-failure", Value("Restart"));
        var prevented = Value("RestartPreventExitStatus").Split(' ').Select(int.Parse).ToArray();
        Assert.Contains(ExitCodes.BadInput, prevented);
        Assert.Contains(ExitCodes.SignerTaken, prevented);
        Assert.DoesNotContain(ExitCodes.Failed, prevented);
    }

    [Fact]
    public void Unit_HoldsNoSecret()
    {
        // Settings come from the config file and an EnvironmentFile only root can read, never from the unit itself.
        Assert.DoesNotContain(Lines, l => l.StartsWith("Environment=", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines, l => !l.StartsWith('#') && (l.Contains("password", StringComparison.OrdinalIgnoreCase) || l.Contains("postgres://", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal("-/etc/keeper/keeper.env", Value("EnvironmentFile"));
    }
}
