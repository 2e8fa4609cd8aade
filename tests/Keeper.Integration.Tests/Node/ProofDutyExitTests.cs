using Keeper.Actors.Gate;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool.MegapoolManagerDefinition;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Host.Devnet;
using Keeper.Host.Devnet.Beacon;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Keeper.Integration.Tests.Node;

/// <summary>
/// Two keeper processes in one cluster follow a validator from an exit nobody reported to its final balance: the exit is
/// reported once, by the round-robin holder, as soon as the report is late (the operator is fined), and the final
/// balance once, by the holder, as soon as the user distribute delay has passed since the final withdrawal, never before.
/// The blocks are mined so that, as a rule, each node holds one of the two windows that count.
/// </summary>
public sealed class ProofDutyExitTests : ProofDutyProcessTestBase
{
    private const ulong WindowSeconds = BlockSeconds * 3;

    [Fact]
    public async Task UnreportedExit_ReportedLateOnceByTheHolderWithTheFine_ThenFinalBalanceOnceAfterTheDelayNotBefore()
    {
        var megapool = await Harness.CreateMegapoolAsync(Chain.Keys[5].Address);
        var id = await ValidatorAsync(megapool, staked: true);
        var settings = await MegapoolSettingsAsync();
        await StartBeaconAsync();
        var node1 = await StartProvingKeeperAsync(1);
        var node2 = await StartProvingKeeperAsync(2);
        IReadOnlyList<NodeProcess> nodes = [node1, node2];
        await WaitForMembersAsync(nodes, 2);
        await ManualMiningAsync();
        var keepers = new[] { KeeperAddress, Chain.Keys[2].Address };
        var members = GateMath.Order(keepers);
        var first = await Chain.Eth.BlockNumberAsync(CancellationToken.None) + 1;
        var pubkey = BeaconValidator(megapool, id).Pubkey;

        // The validator exits on the beacon chain and nobody reports it. The report is late from the first epoch past
        // withdrawableEpoch - notifyThreshold, four epochs on; the keepers' read of the next epoch sees the exit.
        var epoch = EpochAt(await HeadTimeAsync()) + 1;
        await MineAsync(EpochStart(epoch) + 12, nodes);
        var withdrawable = epoch + 3 + settings.NotifyThresholdEpochs;
        Beacon.Chain.Exit(pubkey, epoch + 1, withdrawable);
        await MineAsync(EpochStart(epoch) + 24, nodes);
        await MineAsync(EpochStart(epoch + 1), nodes);
        await MineAsync(EpochStart(epoch + 2), nodes);
        await MineAsync(EpochStart(epoch + 3), nodes);
        var lateFrom = EpochStart(epoch + 4);
        await MineAsync(lateFrom - 12, nodes);
        await MineAsync(lateFrom - BlockSeconds, nodes);
        Assert.Empty(await ChainLedger.SentByAsync(Chain, keepers, first));
        Assert.Equal(0UL, await NonceAsync(1, BlockTag.Pending) + await NonceAsync(2, BlockTag.Pending));

        // The contract judges lateness by the proof's slot: the first late proof is of the epoch's first beacon block,
        // provable once its child exists. node-2 is to hold the window in which that child appears.
        var debtBefore = await DebtAsync(megapool);
        var reportKey = TaskKeys.NotifyExit(megapool, id);
        var (reportFrom, reportTo) = await MineProvableInWindowOfAsync(lateFrom, reportKey, Chain.Keys[2].Address, members, nodes);
        await WaitForSentAsync("the late exit report");
        await MineUntilNothingPendingAsync(reportTo, nodes, [1, 2]);

        var report = Assert.Single(await ChainLedger.SentByAsync(Chain, keepers, first));
        Assert.True(IsManagerCall<NotifyExitFunction>(report) && report.Succeeded, $"expected a successful notifyExit to the manager, got a call to {report.To} (succeeded: {report.Succeeded})");
        Assert.Equal((megapool, id), (ProofCallHead(report).Megapool, ProofCallHead(report).ValidatorId));
        await AssertSentByHolderAsync(report, reportKey, members);
        Assert.InRange(await BlockTimeAsync(report.Block), reportFrom, reportTo);
        Assert.True((await InfoAsync(megapool, id)).Exiting);
        Assert.Equal(debtBefore + settings.LateNotifyFine, await DebtAsync(megapool));

        // The final withdrawal goes into a beacon block at the withdrawable epoch; the next epoch's read finds it.
        await MineAsync(EpochStart(withdrawable), nodes);
        var withdrawal = Beacon.Chain.WithdrawFinalAsync(pubkey);
        await MineAsync(EpochStart(withdrawable) + 12, nodes);
        var inclusion = await withdrawal.WaitAsync(TimeSpan.FromSeconds(60));
        await MineAsync(EpochStart(withdrawable + 1), nodes);
        await MineAsync(EpochStart(withdrawable + 1) + 12, nodes);

        // Due at the start of epoch withdrawalEpoch + userDistributeDelay: nothing before, then once, proven in that epoch.
        var dueAt = EpochStart((inclusion.Slot / DevBeaconSpec.SlotsPerEpoch) + settings.UserDistributeDelayEpochs);
        await MineAsync(dueAt - SecondsPerEpoch, nodes);
        await MineAsync(dueAt - 12, nodes);
        await MineAsync(dueAt - BlockSeconds, nodes);
        Assert.Single(await ChainLedger.SentByAsync(Chain, keepers, first));
        Assert.Equal(1UL, await NonceAsync(1, BlockTag.Pending) + await NonceAsync(2, BlockTag.Pending));
        var finalKey = TaskKeys.FinalBalance(megapool, id);
        var (finalFrom, finalTo) = await MineProvableInWindowOfAsync(dueAt, finalKey, KeeperAddress, members, nodes);
        await WaitForSentAsync("the final balance", already: 1);
        await MineUntilNothingPendingAsync(finalTo, nodes, [1, 2]);

        var sent = await ChainLedger.SentByAsync(Chain, keepers, first);
        Assert.Equal(2, sent.Count);
        var final = sent[1];
        Assert.True(IsManagerCall<NotifyFinalBalanceFunction>(final) && final.Succeeded, $"expected a successful notifyFinalBalance to the manager, got a call to {final.To} (succeeded: {final.Succeeded})");
        Assert.Equal((megapool, id), (ProofCallHead(final).Megapool, ProofCallHead(final).ValidatorId));
        Assert.True(ProofCallHead(final).SlotTimestamp > dueAt, "the final balance was proven before the delay had passed");
        Assert.InRange(await BlockTimeAsync(final.Block), finalFrom, finalTo);
        await AssertSentByHolderAsync(final, finalKey, members);
        var info = await InfoAsync(megapool, id);
        Assert.True(info.Exited);
        Assert.Equal(inclusion.Withdrawal.AmountGwei, info.ExitBalance);
    }

    /// <summary>
    /// Mines the first block of the epoch starting at <paramref name="dueAt"/> (the beacon block a proof must be of) and,
    /// two or three windows on, one in the next slot (its child), so that the first heads at which a keeper can prove
    /// the epoch fall in a window <paramref name="sender"/> holds; then one more block. Returns the times of the blocks
    /// the holder's transaction can be in: it acts at whichever of the last two heads first sees the child.
    /// </summary>
    private async Task<(ulong From, ulong To)> MineProvableInWindowOfAsync(ulong dueAt, string taskKey, Address sender, IReadOnlyList<Address> members, IReadOnlyList<NodeProcess> nodes)
    {
        await MineAsync(dueAt, nodes);
        var window = GateMath.Holder(GateMath.Seed(taskKey), 2, members) == sender ? 2UL : 3UL;
        if (window == 3)
        {
            // The other member's window 2 passes with the beacon node still at the epoch's first block: nothing provable.
            await MineAsync(dueAt + 12, nodes, step: false);
        }

        var child = dueAt + (window * WindowSeconds);
        await MineAsync(child, nodes);
        await MineAsync(child + BlockSeconds, nodes);
        return (child + BlockSeconds, child + (2 * BlockSeconds));
    }

    // The keepers are in one cluster: whichever holds the window sends, so wait on the sum of their pending nonces.
    private Task WaitForSentAsync(string what, ulong already = 0) =>
        WaitUntilAsync(
            async () => await NonceAsync(1, BlockTag.Pending) + await NonceAsync(2, BlockTag.Pending) > already,
            TimeSpan.FromSeconds(60),
            () => $"neither keeper sent {what} once its proof could be built:\n{Log("node-1")}\n{Log("node-2")}");

    // The sender claimed a window of the task in the nodes' shared store, and is that window's holder. (The window is
    // the claim's, not the mined block's: a node acts for the block after its head, and the test may mine later.)
    private async Task AssertSentByHolderAsync(SentTransaction tx, string taskKey, IReadOnlyList<Address> members)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Work, "keeper.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT window_nr, member_id FROM claim WHERE task_key = $key AND state IN ('pending', 'mined')";
        command.Parameters.AddWithValue("$key", taskKey);
        var claims = new List<(long Window, string Member)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                claims.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var (window, member) = Assert.Single(claims);
        Assert.Equal(tx.From == KeeperAddress ? "node-1" : "node-2", member);
        Assert.Equal(GateMath.Holder(GateMath.Seed(taskKey), window, members), tx.From);
    }
}
