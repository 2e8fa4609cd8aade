using System.Net.Sockets;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.Chain;

public sealed class AnvilNodeTests
{
    [Fact]
    public async Task StartAndDispose_AnswersOnLoopbackThenPortIsClosed()
    {
        var node = await AnvilNode.StartAsync(new AnvilOptions { ChainId = 4242, Accounts = 3 });
        var port = node.RpcUrl.Port;
        using (var session = new DevChainClient(node))
        {
            Assert.Equal("127.0.0.1", node.RpcUrl.Host);
            Assert.Equal(4242UL, await session.Eth.ChainIdAsync(CancellationToken.None));
            Assert.Equal(3, node.PrivateKeys.Count);
            Assert.Equal(0UL, await session.Eth.BlockNumberAsync(CancellationToken.None));
        }

        await node.DisposeAsync();

        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
    }
}
