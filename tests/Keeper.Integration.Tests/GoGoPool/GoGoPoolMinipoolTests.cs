using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.GoGoPool.Events;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Host.Devnet;
using Xunit;

namespace Keeper.Integration.Tests.GoGoPool;

/// <summary>The bindings resolve the harness from Storage and read its minipools and status events as the protocol writes them.</summary>
public sealed class GoGoPoolMinipoolTests : GoGoPoolTestBase
{
    private const ulong Day = 24 * 60 * 60;

    private Address Owner => Chain.Keys[1].Address;

    // Made-up node IDs 0xa0…01, 0xa0…02, …
    private static Address Node(int i)
    {
        var bytes = new byte[20];
        bytes[0] = 0xa0;
        bytes[19] = (byte)(i + 1);
        return new Address(bytes);
    }

    private static byte[] Selector(string signature) => Nethereum.Util.Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(signature))[..4];

    private GoGoMinipoolManager Manager => new(Chain.Eth, Batch, Harness.Deployment.MinipoolManager);

    [Fact]
    public async Task Resolve_FromStorage_GivesTheRegisteredContractsAndSettings()
    {
        var deployment = Harness.Deployment;
        var settings = await new ProtocolDao(Batch, deployment.ProtocolDao).ReadSettingsAsync(BlockTag.Latest, CancellationToken.None);

        Assert.Equal(4, new[] { deployment.Storage, deployment.MinipoolManager, deployment.RewardsPool, deployment.ProtocolDao }.Distinct().Count());
        Assert.Equal(new GoGoPoolSettings(28 * Day, Day, 14 * Day, Day, 365 * Day, 5 * Day), settings);
        Assert.Equal(deployment, await new GoGoStorage(Chain.Eth, deployment.Storage).ReadAddressesAsync(Batch, BlockTag.Latest, CancellationToken.None));
    }

    [Fact]
    public async Task Resolve_NoContractOrNameMissing_SaysWhatIsWrong()
    {
        var bare = await Chain.DeployAsync("GoGoStorageHarness");

        var noCode = await Assert.ThrowsAsync<GoGoPoolBindingException>(() => new GoGoStorage(Chain.Eth, Owner).ResolveAsync(Batch, BlockTag.Latest, CancellationToken.None));
        var unregistered = await Assert.ThrowsAsync<GoGoPoolBindingException>(() => new GoGoStorage(Chain.Eth, bare).ResolveAsync(Batch, BlockTag.Latest, CancellationToken.None));

        Assert.Contains("No contract at the configured GoGoPool Storage address", noCode.Message, StringComparison.Ordinal);
        Assert.Contains("'MinipoolManager'", unregistered.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Minipools_OnePerStatus_ReadBackWithTheirTimes()
    {
        var statuses = Enum.GetValues<GoGoMinipoolStatus>();
        var now = await HeadTimeAsync();
        foreach (var status in statuses)
        {
            var i = (int)status;
            await Harness.SeedMinipoolAsync(Node(i), Owner, status, (14 + (ulong)i) * Day, now - (20 * Day) + (ulong)i, now - (15 * Day) + (ulong)i, status == GoGoMinipoolStatus.Withdrawable ? now - (ulong)i : 0, status == GoGoMinipoolStatus.Error ? "EC1" : "");
        }

        var all = await Manager.GetMinipoolsAsync(0, await Manager.GetMinipoolCountAsync(BlockTag.Latest, CancellationToken.None), BlockTag.Latest, CancellationToken.None);

        Assert.Equal(statuses, all.Select(m => m.Status));
        foreach (var m in all)
        {
            var i = (int)m.Status;
            Assert.Equal((i, Node(i), Owner), ((int)m.Index, m.NodeId, m.Owner));
            Assert.Equal((14 + (ulong)i) * Day, m.Duration);
            Assert.Equal(now - (20 * Day) + (ulong)i, m.CreationTime);
            Assert.Equal((now - (15 * Day) + (ulong)i, now - (15 * Day) + (ulong)i), (m.InitialStartTime, m.StartTime));
            Assert.Equal(m.Status == GoGoMinipoolStatus.Withdrawable ? now - (ulong)i : 0, m.EndTime);
            Assert.Equal(m.Status == GoGoMinipoolStatus.Error, m.ErrorCode != Hash32.Zero);
        }

        foreach (var status in statuses)
        {
            var inStatus = await Manager.GetMinipoolsInStatusAsync(status, 0, 0, BlockTag.Latest, CancellationToken.None);
            Assert.Equal([Node((int)status)], inStatus.Select(m => m.NodeId));
        }

        Assert.Equal(all[3], await Manager.GetMinipoolByNodeIdAsync(Node(3), BlockTag.Latest, CancellationToken.None));
        Assert.Equal(5, await Manager.GetIndexOfAsync(Node(5), BlockTag.Latest, CancellationToken.None));
        Assert.Null(await Manager.GetIndexOfAsync(Node(99), BlockTag.Latest, CancellationToken.None));
        Assert.Null(await Manager.GetMinipoolByNodeIdAsync(Node(99), BlockTag.Latest, CancellationToken.None));
        Assert.Empty(await Manager.GetMinipoolsInStatusAsync(GoGoMinipoolStatus.Staking, 3, 2, BlockTag.Latest, CancellationToken.None));
    }

    [Fact]
    public async Task StatusChanges_ThroughTheLifecycle_DecodeFromTheLogs()
    {
        var node = Node(1);
        var receipts = new List<TransactionReceipt>
        {
            await Harness.SeedMinipoolAsync(node, Owner, GoGoMinipoolStatus.Prelaunch, 14 * Day, await HeadTimeAsync(), 0, 0),
            await Harness.RecordStatusAsync(node, GoGoMinipoolStatus.Launched),
            await Harness.RecordStatusAsync(node, GoGoMinipoolStatus.Staking),
            await Harness.RecordStatusAsync(node, GoGoMinipoolStatus.Withdrawable),
        };
        var staking = await Chain.Eth.GetBlockAsync(BlockTag.At(receipts[2].BlockNumber), CancellationToken.None);
        var withdraw = GoGoMinipoolManager.WithdrawMinipoolFunds(Harness.Deployment.MinipoolManager, node);
        var byStranger = await Chain.SendAsync(Chain.Keys[2], withdraw.To, withdraw.Data, gas: 200_000);
        receipts.Add(await Chain.SendAsync(Chain.Keys[1], withdraw.To, withdraw.Data));
        var logs = await Chain.Eth.GetLogsAsync(
            new LogFilter(receipts[0].BlockNumber, receipts[^1].BlockNumber, [Harness.Deployment.MinipoolManager], [GoGoPoolEvents.AllTopics]), CancellationToken.None);

        var decoded = logs.Select(GoGoPoolEvents.TryDecode).ToArray();

        Assert.False(byStranger.Succeeded);
        Assert.True(receipts[^1].Succeeded);
        Assert.All(decoded, d => Assert.Equal(node, Assert.IsType<MinipoolStatusChangedLog>(d).NodeId));
        Assert.Equal(
            [GoGoMinipoolStatus.Prelaunch, GoGoMinipoolStatus.Launched, GoGoMinipoolStatus.Staking, GoGoMinipoolStatus.Withdrawable, GoGoMinipoolStatus.Finished],
            decoded.Cast<MinipoolStatusChangedLog>().Select(d => d.Status));
        Assert.Equal(receipts.Select(r => r.BlockNumber), decoded.Select(d => d!.BlockNumber));
        var finished = (await Manager.GetMinipoolByNodeIdAsync(node, BlockTag.Latest, CancellationToken.None))!;
        Assert.Equal(GoGoMinipoolStatus.Finished, finished.Status);
        Assert.Equal((staking.Timestamp, staking.Timestamp), (finished.InitialStartTime, finished.StartTime));
    }

    [Fact]
    public async Task TransitionsTheProtocolForbids_RevertWithItsErrors()
    {
        var now = await HeadTimeAsync();
        await Harness.SeedMinipoolAsync(Node(2), Owner, GoGoMinipoolStatus.Staking, 14 * Day, now, now, 0);
        var abi = CompiledContracts.Get("GoGoMinipoolManagerHarness");
        var toFinished = new CallRequest(Harness.Deployment.MinipoolManager, abi.EncodeCall("recordStatus", Node(2), (byte)GoGoMinipoolStatus.Finished, new byte[32]));
        var withdraw = GoGoMinipoolManager.WithdrawMinipoolFunds(Harness.Deployment.MinipoolManager, Node(2));

        var skipped = await Assert.ThrowsAsync<JsonRpcNodeException>(() => Chain.Eth.CallAsync(toFinished, BlockTag.Latest, CancellationToken.None));
        var stillStaking = await Assert.ThrowsAsync<JsonRpcNodeException>(() => Chain.Eth.CallAsync(new CallRequest(withdraw.To, withdraw.Data, Owner), BlockTag.Latest, CancellationToken.None));
        var notOwner = await Assert.ThrowsAsync<JsonRpcNodeException>(() => Chain.Eth.CallAsync(new CallRequest(withdraw.To, withdraw.Data, Chain.Keys[2].Address), BlockTag.Latest, CancellationToken.None));

        Assert.Equal(Selector("InvalidStateTransition()"), skipped.RevertData);
        Assert.Equal(Selector("InvalidStateTransition()"), stillStaking.RevertData);
        Assert.Equal(Selector("OnlyOwner()"), notOwner.RevertData);
    }

    [Fact]
    public async Task Seeder_ManyMinipoolsInOneTransaction_AllReadableAndLogged()
    {
        var now = await HeadTimeAsync();
        var first = Address.Parse("0x5e00000000000000000000000000000000000000");

        var receipt = await Harness.SeedManyAsync(Owner, first, 40, GoGoMinipoolStatus.Staking, 14 * Day, now, now, 0);

        var all = await Manager.GetMinipoolsAsync(0, await Manager.GetMinipoolCountAsync(BlockTag.Latest, CancellationToken.None), BlockTag.Latest, CancellationToken.None);
        Assert.Equal(40, all.Count);
        Assert.All(all, m => Assert.Equal((GoGoMinipoolStatus.Staking, now + (14 * Day)), (m.Status, m.PlannedEndTime)));
        Assert.Equal(40, all.Select(m => m.NodeId).Distinct().Count());
        Assert.Equal(40, receipt.Logs.Count(l => GoGoPoolEvents.TryDecode(l) is MinipoolStatusChangedLog { Status: GoGoMinipoolStatus.Staking }));
    }
}
