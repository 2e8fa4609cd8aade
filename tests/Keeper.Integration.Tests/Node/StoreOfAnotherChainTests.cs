using Keeper.Actors.Persistence;
using Keeper.Chain.Eth;
using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>A store holds one chain's journal, claims and checkpoint: a keeper process on another chain refuses it and says which two.</summary>
public sealed class StoreOfAnotherChainTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string _work = Directory.CreateTempSubdirectory("keeper-binding-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Run_StoreOfANodeOnAnotherChainId_ExitsFailedNamingBothChains()
    {
        var store = NodeFiles.Sqlite(Path.Combine(_work, "keeper.db"));
        StoreBinding first;
        await using (var anvil = await AnvilNode.StartAsync())
        {
            using var chain = new DevChainClient(anvil);
            var harness = await RocketPoolHarness.DeployAsync(chain, chain.Keys[0]);
            first = await BindingOfAsync(chain, harness);
            var config = NodeFiles.Write(_work, "first", chain.Keys[1], anvil.RpcUrl, harness, store, 2, gateEnabled: true);
            await using var node = NodeProcess.Start("first", chain.Keys[1].Address.ToString(), config, _work);
            using (var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                while (node.Status?.Ready != true)
                {
                    Assert.False(node.HasExited, $"the first node exited during start-up:\n{File.ReadAllText(Path.Combine(_work, "first.log"))}");
                    await Task.Delay(100, ready.Token);
                }
            }

            await node.StopAsync(TimeSpan.FromSeconds(20));
        }

        await using var other = await AnvilNode.StartAsync(new AnvilOptions { ChainId = 1337 });
        using var otherChain = new DevChainClient(other);
        var otherHarness = await RocketPoolHarness.DeployAsync(otherChain, otherChain.Keys[0]);
        var second = await BindingOfAsync(otherChain, otherHarness);
        var otherConfig = NodeFiles.Write(_work, "second", otherChain.Keys[1], other.RpcUrl, otherHarness, store, 2, gateEnabled: true);

        var (exitCode, output, error) = await KeeperCommandLine.RunAsync(null, Timeout, "run", "--config", otherConfig);

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.Equal(31337UL, first.ChainId);
        Assert.Equal(1337UL, second.ChainId);
        Assert.Contains($"belongs to another chain: it is bound to {first}, and this node runs on {second} (they differ in chain id", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Keeper node second started", output + error, StringComparison.Ordinal);
    }

    private static async Task<StoreBinding> BindingOfAsync(DevChainClient chain, RocketPoolHarness harness) => new(
        await chain.Eth.ChainIdAsync(CancellationToken.None),
        (await chain.Eth.GetBlockAsync(BlockTag.Earliest, CancellationToken.None)).Hash,
        harness.Deployment.Storage);
}
