using Keeper.Chain.Eth;
using Keeper.Testing.Http;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>A keeper whose first RPC endpoint hangs on every other call still acts in the first valid block: the second endpoint answers.</summary>
public sealed class HungRpcEndpointTests : KeeperProcessTestBase
{
    private const string ChainIdRequest = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}";

    [Fact]
    public async Task DueDissolve_FirstEndpointHangsEveryOtherCall_SentForTheFirstValidBlockMinedThereOnce()
    {
        await using var hanging = await HoldingRpcProxy.StartAsync(Chain.Node.RpcUrl, static n => n % 2 == 0);
        // One call through the proxy first, forwarded: the keeper's first call to it is then one the proxy holds. Without
        // it, a slow first answer on a loaded machine loses to the hedge on the second endpoint, which the keeper then
        // prefers, and the first endpoint may never be asked again.
        using (var warm = new HttpClient())
        using (var answer = await warm.PostAsync(hanging.Url, new StringContent(ChainIdRequest, System.Text.Encoding.UTF8, "application/json")))
        {
            answer.EnsureSuccessStatusCode();
        }

        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var node = await StartKeeperAsync($"chain {{ rpc = [\"{hanging.Url}\", \"{Chain.Node.RpcUrl}\"] }}");
        await ManualMiningAsync();

        await MineThroughFirstValidBlockAsync(dueAt, node);

        Assert.True(await DissolvedAsync(megapool, id), Log());
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
        Assert.Equal(dueAt, (await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None)).Timestamp);
        await MineAtAsync(dueAt + BlockSeconds, node);
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Pending));
        Assert.True(hanging.Held > 0, $"the first endpoint never held a call ({hanging.Forwarded} forwarded): the test proved nothing");
    }
}
