using Keeper.Host.Cli;
using Keeper.Integration.Tests.Node;
using Xunit;

namespace Keeper.Integration.Tests.Cluster;

/// <summary>
/// Two keeper processes started with the same keystore against the same cluster and store (a copied configuration): the
/// newer one stops before its submitter could recover the shared journal or send, naming both nodes, and the older one
/// carries on undisturbed and does its action exactly once.
/// </summary>
public sealed class SameSignerTests : KeeperProcessTestBase
{
    [Fact]
    public async Task SecondNodeWithTheSameKeystore_ExitsNamingBothNodes_FirstActsExactlyOnce()
    {
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var node1 = await StartKeeperAsync(1, FastStoreProbe);
        await WaitForMembersAsync([node1], 1);

        // node-2's own configuration, but node-1's keystore and password file.
        var copied = $"signer {{ keystore = \"{Path.Combine(Work, "node-1.keystore.json")}\", password-file = \"{Path.Combine(Work, "node-1.password")}\" }}";
        var twin = LaunchKeeper(2, FastStoreProbe + "\n" + copied, keyIndex: 1);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
        {
            try
            {
                await twin.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                Assert.Fail($"node-2 (node-1's key) still runs after 120 s; it should have stopped:\n{Log("node-2")}");
            }
        }

        var log = Log("node-2");
        Assert.Equal(ExitCodes.SignerTaken, twin.ExitCode);
        Assert.Contains($"Another keeper node at akka.tcp://keeper@127.0.0.1:{ClusterPort(1)} already signs for {KeeperAddress}", log, StringComparison.Ordinal);
        Assert.Contains($"give this node (akka.tcp://keeper@127.0.0.1:{ClusterPort(2)}) its own keystore", log, StringComparison.Ordinal);
        Assert.DoesNotContain("the only member signing for", log, StringComparison.Ordinal);
        Assert.Contains($"the only member signing for {KeeperAddress}", Log("node-1"), StringComparison.Ordinal);
        Assert.Contains("Cluster member node-2", Log("node-1"), StringComparison.Ordinal);

        Assert.False(node1.HasExited, Log("node-1"));
        await WaitForMembersAsync([node1], 1);
        await ManualMiningAsync();
        await AssertDoneOnceAsync(megapool, id, dueAt, node1);
        Assert.False(node1.HasExited, Log("node-1"));
    }
}
