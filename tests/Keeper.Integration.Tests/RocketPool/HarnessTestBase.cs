using Keeper.Chain.Calls;
using Keeper.Chain.Watching;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.RocketPool;

/// <summary>Each test class gets its own anvil with the Rocket Pool harness deployed, so tests may move its clock.</summary>
public abstract class HarnessTestBase : IAsyncLifetime
{
    private AnvilNode? _node;
    private DevChainClient? _chain;
    private RocketPoolHarness? _harness;

    protected DevChainClient Chain => _chain!;

    protected RocketPoolHarness Harness => _harness!;

    public async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync();
        _chain = new DevChainClient(_node);
        _harness = await DeployHarnessAsync(_chain);
    }

    /// <summary>Deploys the harness the tests use; by default with a beacon chain that starts with the dev chain.</summary>
    protected virtual Task<RocketPoolHarness> DeployHarnessAsync(DevChainClient chain) => RocketPoolHarness.DeployAsync(chain, chain.Keys[0]);

    public async Task DisposeAsync()
    {
        _chain?.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }

    protected BatchCaller Multicall() => new(Chain.Eth, new BatchCallerOptions { Multicall3 = Harness.Multicall3 });

    protected ChainWatcher NewWatcher(ChainWatcherOptions? options = null) => new(Chain.Eth, Multicall(), Harness.Deployment, options);

    protected async Task<ulong> HeadTimeAsync() => (await Chain.Eth.GetBlockAsync(Keeper.Chain.Eth.BlockTag.Latest, CancellationToken.None)).Timestamp;
}
