using Keeper.Host.Cli;
using Keeper.Integration.Tests.Node;
using Xunit;

namespace Keeper.Integration.Tests.Host;

/// <summary>How a <c>keeper run</c> process stops on SIGTERM: its host stops Kestrel, writes the last status, then runs the actors' coordinated shutdown.</summary>
public sealed class KeeperRunStopTests : KeeperProcessTestBase
{
    [Fact]
    public async Task Sigterm_LastStatusWrittenWhileTheActorsRun_ExitsOk()
    {
        var node = await StartKeeperAsync();
        // A status write may time out while the node starts under load; only those after SIGTERM count here.
        var logBeforeStop = Log().Length;

        await node.StopAsync(TimeSpan.FromSeconds(20));

        Assert.True(node.HasExited, $"keeper did not stop within 20 s of SIGTERM:\n{Log()}");
        Assert.True(node.ExitCode == ExitCodes.Ok, $"keeper exited with {node.ExitCode}:\n{Log()}");
        Assert.DoesNotContain("Could not write the status file", Log()[logBeforeStop..], StringComparison.Ordinal);
        Assert.True(node.Status?.Ready, "the last status is missing");
    }
}
