using Keeper.Actors.Persistence;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Microsoft.Data.Sqlite;
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

    [Fact]
    public async Task Devnet_FolderOfAnEarlierRun_ExitsFailedNamingBothChainsAndStartsNoNode()
    {
        var dir = Path.Combine(_work, "devnet");
        string[] args = ["devnet", "--dir", dir, "--megapools", "0", "--minipools", "0", "--block-time", "1"];
        var earlier = await KeeperCommandLine.RunAsync(null, Timeout, args);
        Assert.True(earlier.ExitCode == ExitCodes.Ok, $"the earlier devnet run failed:\n{earlier.Output}\n{earlier.Error}");
        var database = Path.Combine(dir, "keeper.db");
        var bound = await ReadBindingAsync(database);
        var nodeLog = await File.ReadAllTextAsync(Path.Combine(dir, "node-1.log"));

        // A fresh anvil, same chain id and same harness addresses, but a genesis stamped with a later start time.
        var (exitCode, _, error) = await KeeperCommandLine.RunAsync(null, Timeout, args);

        Assert.Equal(ExitCodes.Failed, exitCode);
        Assert.StartsWith($"keeper devnet: The SQLite file {database} belongs to another chain: it is bound to {bound}, and this node runs on chain id 31337, genesis 0x", error, StringComparison.Ordinal);
        Assert.Contains($", RocketStorage {bound.RocketStorage} (they differ in genesis hash).", error, StringComparison.Ordinal);
        Assert.Contains($"The folder {dir} is the work folder of an earlier devnet run", error, StringComparison.Ordinal);
        Assert.Equal(nodeLog, await File.ReadAllTextAsync(Path.Combine(dir, "node-1.log")));
    }

    private static async Task<StoreBinding> BindingOfAsync(DevChainClient chain, RocketPoolHarness harness) => new(
        await chain.Eth.ChainIdAsync(CancellationToken.None),
        (await chain.Eth.GetBlockAsync(BlockTag.Earliest, CancellationToken.None)).Hash,
        harness.Deployment.Storage);

    private static async Task<StoreBinding> ReadBindingAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT chain_id, genesis_hash, rocket_storage FROM {StoreBinding.TableName} WHERE id = 1";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"{path} is not bound to a chain");
        return new StoreBinding(ulong.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture), Hash32.Parse(reader.GetString(1)), Address.Parse(reader.GetString(2)));
    }
}
