using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Rpc;
using Keeper.Host.Cli;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.Node;

public sealed class KeeperProcessTests : KeeperProcessTestBase
{
    [Fact]
    public async Task DueDissolve_SentForTheFirstValidBlock_MinedThereOnce()
    {
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var node = await StartKeeperAsync();
        await ManualMiningAsync();

        await MineThroughFirstValidBlockAsync(dueAt, node);

        Assert.True(await DissolvedAsync(megapool, id));
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
        var block = await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        Assert.Equal(dueAt, block.Timestamp);
        await MineAtAsync(dueAt + BlockSeconds, node);
        await MineAtAsync(dueAt + (2 * BlockSeconds), node);
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Pending));
    }

    [Fact]
    public async Task StakedAtTheLastMoment_NotDissolvedAndNothingSent()
    {
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var node = await StartKeeperAsync();
        await ManualMiningAsync();
        await MineAtAsync(dueAt - (3 * BlockSeconds), node);

        var stake = await Chain.SignAsync(Chain.Keys[6], megapool, StakeCall(id), gas: 200_000);
        await Chain.Eth.SendRawTransactionAsync(stake.Bytes, CancellationToken.None);
        await MineAtAsync(dueAt - BlockSeconds, node);
        for (var i = 0; i < 4; i++)
        {
            await MineAtAsync(dueAt + (ulong)(i * BlockSeconds), node);
        }

        Assert.False(await DissolvedAsync(megapool, id));
        Assert.Equal(0UL, await KeeperNonceAsync(BlockTag.Pending));
    }

    [Fact]
    public async Task FeeSpikeAboveCap_NothingSentAndTheLogSaysWhy()
    {
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var node = await StartKeeperAsync("fees.max-fee-per-gas-gwei = 5");
        await ManualMiningAsync();
        await Chain.Rpc.SendAsync("anvil_setNextBlockBaseFeePerGas", ["0x2540be400"], CancellationToken.None); // 10 gwei
        await MineAtAsync(dueAt - BlockSeconds, node);
        await MineAtAsync(dueAt, node);
        await MineAtAsync(dueAt + BlockSeconds, node);

        Assert.False(await DissolvedAsync(megapool, id));
        Assert.Equal(0UL, await KeeperNonceAsync(BlockTag.Pending));
        Assert.Contains("exceeds the fee cap", Log(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneElseActsFirst_OurPendingTransactionIsReplacedByASelfTransfer_AndTheReportCountsIt()
    {
        var (megapool, id, dueAt) = await PrestakedValidatorAsync();
        var node = await StartKeeperAsync();
        await ManualMiningAsync();
        var start = await Chain.Eth.BlockNumberAsync(CancellationToken.None) + 1;
        await MineAtAsync(dueAt - BlockSeconds, node);
        Assert.True(await WaitForKeeperTransactionAsync(TimeSpan.FromSeconds(15)), Log());

        // Our transaction leaves the node's pool (as an evicted transaction would) and another account dissolves first.
        await Chain.Rpc.SendAsync("anvil_dropAllTransactions", [], CancellationToken.None);
        var other = await Chain.SignAsync(Chain.Keys[7], megapool, Megapool.DissolveValidator(megapool, id).Data, gas: 200_000);
        await Chain.Eth.SendRawTransactionAsync(other.Bytes, CancellationToken.None);
        await MineAtAsync(dueAt, node);
        Assert.True(await DissolvedAsync(megapool, id));

        Assert.True(await WaitForKeeperTransactionAsync(TimeSpan.FromSeconds(15)), $"the keeper did not replace its pending transaction:\n{Log()}");
        for (var i = 1; i <= 3; i++)
        {
            await MineAtAsync(dueAt + (ulong)(i * BlockSeconds), node);
        }

        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
        var task = new DevnetTask(Keeper.Actors.Tracking.TaskKeys.DissolveMegapoolValidator(megapool, id), megapool, id, dueAt, DevnetTaskKind.DissolveMegapoolValidator);
        var report = await DevnetReportBuilder.BuildAsync(Chain.Rpc, Harness.Deployment.MegapoolManager, [task], [("node-1", KeeperAddress, 0)], start, await Chain.Eth.BlockNumberAsync(CancellationToken.None), CancellationToken.None);
        Assert.Equal(new DevnetTasks(1, 1, 0, 0, 0, Replaced: 1, GasWasted: 0) { ByKind = new Dictionary<string, DevnetKindTasks> { ["dissolve-megapool"] = new(1, 1) } }, report.Tasks);
        Assert.Equal(1, Assert.Single(report.Nodes).Submitted);
    }

    [Fact]
    public async Task Run_EnvironmentOverrides_TakeEffectInTheRunningNode()
    {
        var port = FreePort();
        var node = await StartKeeperAsync(environment: new Dictionary<string, string>
        {
            ["KEEPER_keeper__node__id"] = "keeper-from-environment",
            ["KEEPER_keeper__http__port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        // The file says node.id = "node-1" and http.port = 0 (any free port); the environment wins over both.
        Assert.Equal("keeper-from-environment", node.Status!.NodeId);
        Assert.Equal(port, StatusFile.TryReadHttp(node.StatusPath)!.Port);
        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Keeper node keeper-from-environment started", Log(), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static byte[] StakeCall(uint id) => Keeper.Host.Devnet.CompiledContracts.Get("MegapoolHarness").EncodeCall("stake", id);
}
