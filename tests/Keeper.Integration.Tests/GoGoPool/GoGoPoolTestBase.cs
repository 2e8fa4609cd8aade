using Keeper.Chain.Calls;
using Keeper.Chain.Eth;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.GoGoPool;
using Xunit;

namespace Keeper.Integration.Tests.GoGoPool;

/// <summary>Each test gets its own anvil with the GoGoPool harness deployed, so it may move the chain's clock.</summary>
public abstract class GoGoPoolTestBase : IAsyncLifetime
{
    private AnvilNode? _node;
    private DevChainClient? _chain;
    private GoGoPoolHarness? _harness;

    protected DevChainClient Chain => _chain!;

    protected GoGoPoolHarness Harness => _harness!;

    protected BatchCaller Batch => new(Chain.Eth);

    public async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync();
        _chain = new DevChainClient(_node);
        _harness = await GoGoPoolHarness.DeployAsync(_chain, _chain.Keys[0]);
    }

    public async Task DisposeAsync()
    {
        _chain?.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    protected async Task<ulong> HeadTimeAsync() => (await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None)).Timestamp;
}
