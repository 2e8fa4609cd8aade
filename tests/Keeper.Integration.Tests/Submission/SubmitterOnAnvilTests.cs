using Akka.Actor;
using Keeper.Actors.Submission;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Xunit;

namespace Keeper.Integration.Tests.Submission;

public sealed class SubmitterOnAnvilTests : SubmitterOnAnvilBase
{
    [Fact]
    public async Task Dissolve_DueInTheNextBlock_SimulatedAtItsTimeSentMinedAndConfirmed()
    {
        var submitter = StartSubmitter();
        var (action, call) = await DueActionAsync("dissolve:due");

        Gate.Send(submitter, action);
        var sent = await Gate.ExpectMsgAsync<ActionSent>();
        await Chain.WaitMinedAsync(sent.Hash);
        var block = await HeadAsync(submitter);
        var mined = await Gate.ExpectMsgAsync<ActionMined>();

        Assert.Equal(sent.Hash, mined.Hash);
        Assert.True(mined.Succeeded);
        Assert.Equal(block, mined.Block);
        Assert.Equal(action.NextBlockTime, (await Chain.Eth.GetBlockAsync(BlockTag.At(block), CancellationToken.None)).Timestamp);
        Assert.False(await WouldSucceedAsync(call));
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
    }

    [Fact]
    public async Task Dissolve_MegapoolNotTracked_RefusedBeforeSigningWhileTheTrackedOneGoesThrough()
    {
        var submitter = StartSubmitter();
        var (stranger, _) = await AssignedValidatorAsync(tracked: false, operatorKey: 2);
        var (action, call) = await DueActionAsync("dissolve:tracked");

        Gate.Send(submitter, new SubmitAction("dissolve:stranger", stranger, action.NextBlockTime, 0));
        var refused = await Gate.ExpectMsgAsync<ActionNotSent>();
        Assert.Equal(NotSentReason.NotAllowed, refused.Reason);
        Assert.Contains(stranger.To.ToString(), refused.Detail, StringComparison.Ordinal);
        Assert.Equal(0UL, await KeeperNonceAsync(BlockTag.Pending));
        Assert.Empty(await JournalAsync());

        Gate.Send(submitter, action);
        var sent = await Gate.ExpectMsgAsync<ActionSent>();
        await Chain.WaitMinedAsync(sent.Hash);
        await HeadAsync(submitter);
        Assert.True((await Gate.ExpectMsgAsync<ActionMined>()).Succeeded);

        // Only the allowed call was signed, and the refused one was valid on chain all along: the allow-list alone stopped it.
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
        Assert.False(await WouldSucceedAsync(call));
        Assert.True(await WouldSucceedAsync(stranger));
        Assert.Single(await JournalAsync(), e => e is TransactionCreated);
    }

    [Fact]
    public async Task Dissolve_NotYetDue_SimulationRevertsAndNothingIsSent()
    {
        var submitter = StartSubmitter();
        var (call, validAt) = await AssignedValidatorAsync();

        Gate.Send(submitter, new SubmitAction("dissolve:early", call, validAt - 1, 0));
        var refused = await Gate.ExpectMsgAsync<ActionNotSent>();

        Assert.Equal(NotSentReason.WouldRevert, refused.Reason);
        Assert.Equal(0UL, await KeeperNonceAsync(BlockTag.Pending));
        Assert.Empty(await JournalAsync());
    }

    [Fact]
    public async Task Stuck_BaseFeeAboveItsCap_BumpedVersionMinedAndNoNonceGap()
    {
        var submitter = StartSubmitter(bumpAfterBlocks: 2);
        var (call, validAt) = await AssignedValidatorAsync();
        await Chain.IncreaseTimeAsync(TimeBeforeDissolve + 1);
        await Chain.MineAsync();
        await Chain.SetAutomineAsync(false);
        await HeadAsync(submitter);

        Gate.Send(submitter, new SubmitAction("dissolve:stuck", call, validAt + 60, 0));
        var sent = await Gate.ExpectMsgAsync<ActionSent>();
        for (var i = 0; i < 2; i++)
        {
            await SetNextBaseFeeAsync(50_000_000_000); // far above the first version's cap of about 2 gwei
            await MineAsync(submitter);
        }

        Assert.Null(await Chain.Eth.GetTransactionReceiptAsync(sent.Hash, CancellationToken.None));
        var replaced = Assert.IsType<TransactionReplaced>((await JournalAsync()).Last(e => e is TransactionReplaced));
        await MineAsync(submitter);
        var mined = await Gate.ExpectMsgAsync<ActionMined>();

        Assert.Equal(replaced.Version.Hash, mined.Hash);
        Assert.True(mined.Succeeded);
        Assert.Null(await Chain.Eth.GetTransactionReceiptAsync(sent.Hash, CancellationToken.None));
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Pending));
        Assert.False(await WouldSucceedAsync(call));
    }

    [Fact]
    public async Task Abandon_WhilePending_SelfTransferMinedAndTheActionUntouched()
    {
        var submitter = StartSubmitter();
        var (call, validAt) = await AssignedValidatorAsync();
        await Chain.IncreaseTimeAsync(TimeBeforeDissolve + 1);
        await Chain.MineAsync();
        await Chain.SetAutomineAsync(false);
        Gate.Send(submitter, new SubmitAction("dissolve:abandoned", call, validAt + 60, 0));
        var sent = await Gate.ExpectMsgAsync<ActionSent>();

        Gate.Send(submitter, new AbandonAction("dissolve:abandoned", "done by another keeper"));
        await SettledAsync(submitter);
        await MineAsync(submitter);
        var cancelled = await Gate.ExpectMsgAsync<ActionCancelled>();

        var receipt = await Chain.Eth.GetTransactionReceiptAsync(cancelled.Hash, CancellationToken.None);
        Assert.NotNull(receipt);
        Assert.Equal(Keeper.Address, receipt.To);
        Assert.Null(await Chain.Eth.GetTransactionReceiptAsync(sent.Hash, CancellationToken.None));
        Assert.True(await WouldSucceedAsync(call));
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
    }

    [Fact]
    public async Task Restart_WithTransactionPending_NoNewNonceAndResolved()
    {
        var first = StartSubmitter();
        var (call, validAt) = await AssignedValidatorAsync();
        await Chain.IncreaseTimeAsync(TimeBeforeDissolve + 1);
        await Chain.MineAsync();
        await Chain.SetAutomineAsync(false);
        Gate.Send(first, new SubmitAction("dissolve:restart", call, validAt + 60, 0));
        var sent = await Gate.ExpectMsgAsync<ActionSent>();
        await StopAsync(first);

        var second = StartSubmitter();
        Gate.Send(second, new SubscribeOutcomes(Gate.Ref));
        var resumed = await Gate.ExpectMsgAsync<ResumedActions>();
        Gate.Send(second, new SubmitAction("dissolve:restart", call, validAt + 60, 0));
        var again = await Gate.ExpectMsgAsync<ActionNotSent>();
        await MineAsync(second);
        var mined = await Gate.ExpectMsgAsync<ActionMined>();

        Assert.Equal(sent.Hash, Assert.Single(resumed.InFlight).Hash);
        Assert.Equal(NotSentReason.AlreadyPending, again.Reason);
        Assert.Equal(sent.Hash, mined.Hash);
        Assert.True(mined.Succeeded);
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
        Assert.Equal(1UL, (await StatusAsync(second)).NextNonce);
    }

    [Fact]
    public async Task Reorg_UndoesMinedReceipt_RebroadcastAndMinedAgain()
    {
        var (submitter, call, validAt, snapshot, sent, first) = await MinedBeforeAReorgAsync();

        await Chain.RevertAsync(snapshot);
        Assert.Null(await Chain.Eth.GetTransactionReceiptAsync(sent.Hash, CancellationToken.None));
        await Chain.MineAsync(); // the new branch: a different block at the same height
        await HeadAsync(submitter); // reorg seen: re-broadcast, and anvil automines it
        await Chain.WaitMinedAsync(sent.Hash);
        await HeadAsync(submitter);
        var again = await Gate.ExpectMsgAsync<ActionMined>();

        Assert.Equal(sent.Hash, again.Hash);
        Assert.True(again.Succeeded);
        Assert.NotEqual(first.Block, again.Block);
        Assert.Contains(await JournalAsync(), e => e is TransactionReorged);
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
        Assert.False(await WouldSucceedAsync(call));
    }

    [Fact]
    public async Task Reorg_SameTaskAskedAgainBeforeTheReorgHead_ResentOnceNeverASecondTransaction()
    {
        var (submitter, call, validAt, snapshot, sent, _) = await MinedBeforeAReorgAsync();

        // A reorg undoes the action. In the node the gate can hear of it first (the re-read pool makes the duty due again
        // before the new head has gone through the gate to the submitter) and asks for the task again.
        await Chain.RevertAsync(snapshot);
        await Chain.SetAutomineAsync(false);
        await Chain.MineAsync();
        Gate.Send(submitter, new SubmitAction("dissolve:reorg", call, validAt + 60, 0));
        var answer = await Gate.ExpectMsgAsync<ActionNotSent>();

        Assert.Equal(NotSentReason.AlreadyPending, answer.Reason);
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Pending));
        await MineAsync(submitter);
        var again = await Gate.ExpectMsgAsync<ActionMined>();
        Assert.Equal(sent.Hash, again.Hash);
        Assert.True(again.Succeeded);
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Pending));
        Assert.Contains(await JournalAsync(), e => e is TransactionReorged);
        Assert.DoesNotContain(await JournalAsync(), e => e is TransactionCreated { Nonce: 1 });
    }

    // A dissolve sent for a due validator, mined and reported, with a chain snapshot from just before it: what the reorg
    // tests undo.
    private async Task<MinedAction> MinedBeforeAReorgAsync()
    {
        var submitter = StartSubmitter();
        var (call, validAt) = await AssignedValidatorAsync();
        await Chain.IncreaseTimeAsync(TimeBeforeDissolve + 1);
        await Chain.MineAsync();
        var snapshot = await Chain.SnapshotAsync();
        Gate.Send(submitter, new SubmitAction("dissolve:reorg", call, validAt + 60, 0));
        var sent = await Gate.ExpectMsgAsync<ActionSent>();
        await Chain.WaitMinedAsync(sent.Hash);
        await HeadAsync(submitter);
        var mined = await Gate.ExpectMsgAsync<ActionMined>();
        return new MinedAction(submitter, call, validAt, snapshot, sent, mined);
    }

    private sealed record MinedAction(IActorRef Submitter, ContractCall Call, ulong ValidAt, string Snapshot, ActionSent Sent, ActionMined Mined);
}
