using Keeper.Chain.Eth;
using Keeper.Host.Devnet;
using Keeper.Integration.Tests.Node;
using Keeper.Testing.Net;
using Xunit;

namespace Keeper.Integration.Tests.Cluster;

/// <summary>
/// Two keeper processes whose cluster link is cut (a TCP proxy in front of each one's remoting port) while both still
/// reach the shared store: each finds the other unreachable and holds every window alone, and the claim fence lets exactly
/// one of them send.
/// </summary>
public sealed class ClusterPartitionTests : KeeperProcessTestBase
{
    private const ulong Window = BlockSeconds * 3;

    // The split-brain resolver waits this long before downing a side, so that both sides stay up through the test.
    private const string SlowResolver = "cluster.split-brain-resolver.stable-after = 120s";

    [Fact]
    public async Task ClusterLinkCut_BothHoldTheWindow_TheClaimLetsExactlyOneSend_TheyRejoinWhenRestored()
    {
        await using var proxy1 = TcpProxy.Start(ClusterPort(1));
        await using var proxy2 = TcpProxy.Start(ClusterPort(2));
        AdvertiseVia(1, proxy1.Port);
        AdvertiseVia(2, proxy2.Port);
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var node1 = await StartKeeperAsync(1, FastStoreProbe + "\n" + SlowResolver);
        var node2 = await StartKeeperAsync(2, FastStoreProbe + "\n" + SlowResolver);
        NodeProcess[] nodes = [node1, node2];
        await WaitForMembersAsync(nodes, 2);
        await ManualMiningAsync();

        proxy1.Cut();
        proxy2.Cut();
        await WaitForMembersAsync(nodes, 1);
        for (var t = dueAt - BlockSeconds; t <= dueAt + (2 * Window); t += BlockSeconds)
        {
            await MineAtSeenByAllAsync(t, nodes);
        }

        Assert.True(await DissolvedAsync(megapool, id), $"not done while the link was cut:\n{Log("node-1")}\n{Log("node-2")}");
        Assert.All(nodes, n => Assert.True(n.Status!.GateTurns >= 1, $"{n.Id} did not hold the window alone:\n{Log(n.Id)}"));
        Assert.Equal(1UL, await NonceAsync(1, BlockTag.Pending) + await NonceAsync(2, BlockTag.Pending));
        Assert.Equal(1UL, await NonceAsync(1, BlockTag.Latest) + await NonceAsync(2, BlockTag.Latest));
        await AssertNoClaimLeftOpenAsync();

        proxy1.Restore();
        proxy2.Restore();
        await WaitForMembersAsync(nodes, 2);
        Assert.All(nodes, n => Assert.False(n.HasExited, Log(n.Id)));
    }
}
