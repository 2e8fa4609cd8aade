using Keeper.Actors.Submission;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Keeper.Actors.Tests.Submission;

public sealed class SubmitterFollowTests : SubmitterTestBase
{
    [Fact]
    public async Task Head_MinedWithConfirmations_ReportsMinedOnlyOnceConfirmed()
    {
        var submitter = StartSubmitter(Options() with { Confirmations = 3 });
        var sent = await SubmitAsync(submitter);

        await MineAsync(submitter, 2);
        await Gate.ExpectNoMsgAsync(TimeSpan.Zero);
        await MineAsync(submitter);
        var mined = await Gate.ExpectMsgAsync<ActionMined>();

        Assert.Equal(sent.Hash, mined.Hash);
        Assert.Equal(1UL, mined.Block);
        Assert.Equal(40_000UL, mined.GasUsed);
        Assert.Equal(40_000 * 2_000_000_000L, (long)mined.Fee);
        Assert.IsType<TransactionMined>((await JournalAsync())[^1]);
        Assert.Equal(TransactionState.Succeeded, Assert.Single((await StatusAsync(submitter)).Transactions).State);
    }

    [Fact]
    public async Task Head_StuckForBumpAfterBlocks_ReplacedSameNonceBothFeesUpAtLeast12AndAHalfPercent()
    {
        var submitter = StartSubmitter();
        var sent = await SubmitAsync(submitter);
        Chain.BaseFee = 5_000_000_001; // above the first version's fee cap: it cannot be mined

        await MineAsync(submitter, 2);
        Assert.Single(Chain.Accepted);
        await MineAsync(submitter);

        Assert.Equal(2, Chain.Accepted.Count);
        var first = Chain.Accepted[0];
        var bumped = Chain.Accepted[1];
        Assert.Equal(first.Nonce, bumped.Nonce);
        Assert.True(bumped.MaxFeePerGas * 1000 >= first.MaxFeePerGas * 1125);
        Assert.True(bumped.MaxPriorityFeePerGas * 1000 >= first.MaxPriorityFeePerGas * 1125);
        Assert.Equal(first.Data, bumped.Data);
        var replaced = Assert.IsType<TransactionReplaced>((await JournalAsync())[2]);
        Assert.Equal(Chain.Accepted[1].Hash, replaced.Version.Hash);

        await MineAsync(submitter);
        var mined = await Gate.ExpectMsgAsync<ActionMined>();
        Assert.Equal(Chain.Accepted[1].Hash, mined.Hash);
        Assert.NotEqual(sent.Hash, mined.Hash);
        Assert.Equal(1, Assert.Single((await StatusAsync(submitter)).Transactions).Replacements);
    }

    [Fact]
    public async Task Head_BumpWouldExceedCap_KeepsWaitingAndLogsWhy()
    {
        var submitter = StartSubmitter();
        await SubmitAsync(submitter);
        Chain.Paused = true;
        Chain.BaseFee = 99_000_000_000; // the market now quotes the cap itself: one bump reaches it, the next would pass it
        await MineAsync(submitter, 3);
        Assert.Equal(2, Chain.Accepted.Count);

        await MineAsync(submitter, 6);

        Assert.Equal(2, Chain.Accepted.Count);
        Assert.All(Chain.Accepted, t => Assert.True(t.MaxFeePerGas <= Cap));
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("would exceed the fee cap of 100 gwei", StringComparison.Ordinal));
        await Gate.ExpectNoMsgAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task Abandon_WhilePending_SelfTransferSameNonceMinedAndCancelledReported()
    {
        var submitter = StartSubmitter();
        var sent = await SubmitAsync(submitter);

        Gate.Send(submitter, new AbandonAction(TaskKey(), "done by another keeper"));
        await SettledAsync(submitter);
        await MineAsync(submitter);
        var cancelled = await Gate.ExpectMsgAsync<ActionCancelled>();

        var cancel = Chain.Accepted[1];
        var tx = cancel;
        Assert.Equal(cancel.Hash, cancelled.Hash);
        Assert.Equal(Key.Address, tx.To);
        Assert.Empty(tx.Data);
        Assert.Equal(21_000UL, tx.GasLimit);
        Assert.Equal(0UL, tx.Nonce);
        Assert.True(tx.MaxFeePerGas * 1000 >= Chain.Accepted[0].MaxFeePerGas * 1125);
        Assert.True(Assert.IsType<TransactionReplaced>((await JournalAsync())[2]).Version.IsCancellation);
        Assert.Equal(TransactionState.Cancelled, Assert.Single((await StatusAsync(submitter)).Transactions).State);
        Assert.NotEqual(sent.Hash, cancelled.Hash);
    }

    [Fact]
    public async Task Abandon_NothingPending_DoesNothing()
    {
        var submitter = StartSubmitter();

        Gate.Send(submitter, new AbandonAction(TaskKey(), "cancelled"));
        await SettledAsync(submitter);

        Assert.Empty(Chain.Accepted);
        Assert.Empty(await JournalAsync());
        await Gate.ExpectNoMsgAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task Abandon_OriginalMinedFirst_ReportsMined()
    {
        var submitter = StartSubmitter();
        var sent = await SubmitAsync(submitter);
        Chain.Mine(); // mined before the submitter hears of the head

        Gate.Send(submitter, new AbandonAction(TaskKey(), "done by another keeper"));
        await SettledAsync(submitter);
        await HeadAsync(submitter);

        Assert.Equal(sent.Hash, (await Gate.ExpectMsgAsync<ActionMined>()).Hash);
    }

    [Fact]
    public async Task Reorg_UndoesConfirmedReceipt_ReorgedJournaledRebroadcastAndMinedAgain()
    {
        var submitter = StartSubmitter();
        var sent = await SubmitAsync(submitter);
        await MineAsync(submitter);
        await Gate.ExpectMsgAsync<ActionMined>();

        Chain.ReorgTo(0);
        await MineAsync(submitter);
        Assert.Equal([sent.Hash, sent.Hash], Chain.Accepted.Select(t => t.Hash));
        await MineAsync(submitter);
        var again = await Gate.ExpectMsgAsync<ActionMined>();

        Assert.Equal(sent.Hash, again.Hash);
        Assert.Equal(2UL, again.Block);
        var journal = await JournalAsync();
        Assert.Contains(journal, e => e is TransactionReorged { Nonce: 0 });
        Assert.Equal(1UL, (await StatusAsync(submitter)).NextNonce);
    }

    [Fact]
    public async Task Head_NonceTakenByAnotherTransaction_DroppedAfterConfirmation()
    {
        var submitter = StartSubmitter();
        await SubmitAsync(submitter);

        // Another wallet with the same key had nonce 0 mined; ours can never be mined.
        Chain.ForeignMined = 1;
        await MineAsync(submitter);
        await Gate.ExpectNoMsgAsync(TimeSpan.Zero);
        await MineAsync(submitter);
        var dropped = await Gate.ExpectMsgAsync<ActionDropped>();

        Assert.Equal(0UL, dropped.Nonce);
        Assert.False(Assert.IsType<TransactionDropped>((await JournalAsync())[^1]).NonceReleased);
        Assert.Equal(TransactionState.Dropped, Assert.Single((await StatusAsync(submitter)).Transactions).State);
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("not ours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crash_AfterJournalCreated_RestartRebroadcastsSameNonceSameHashAndGateGetsOutcome()
    {
        var crashes = 1;
        var options = Options() with { FaultPoint = point => CrashAt(point, Submitter.AfterJournalCreated, ref crashes) };
        var submitter = StartSubmitter(options);

        Gate.Send(submitter, Action());
        await SettledAsync(submitter);
        var journaled = Assert.IsType<TransactionCreated>((await JournalAsync())[0]);
        Assert.Equal(journaled.Version.Hash, Assert.Single(Chain.Accepted).Hash);
        Gate.Send(submitter, new SubscribeOutcomes(Gate.Ref));
        var resumed = await Gate.ExpectMsgAsync<ResumedActions>();
        Gate.Send(submitter, Action());
        var again = await Gate.ExpectMsgAsync<ActionNotSent>();
        await MineAsync(submitter);
        var mined = await Gate.ExpectMsgAsync<ActionMined>();
        await Gate.ExpectNoMsgAsync(TimeSpan.Zero);

        Assert.Equal(0, crashes);
        Assert.Equal(TaskKey(), Assert.Single(resumed.InFlight).TaskKey);
        Assert.Equal(NotSentReason.AlreadyPending, again.Reason);
        Assert.Equal(journaled.Version.Hash, mined.Hash);
        Assert.Equal(1UL, (await StatusAsync(submitter)).NextNonce);
        Assert.Single(Chain.Accepted);
    }

    [Fact]
    public async Task Crash_AfterSend_RestartFindsItAlreadyKnownAndOutcomeKeptForTheNextAsker()
    {
        var crashes = 1;
        var options = Options() with { FaultPoint = point => CrashAt(point, Submitter.AfterSend, ref crashes) };
        var submitter = StartSubmitter(options);

        Gate.Send(submitter, Action());
        await SettledAsync(submitter);
        await MineAsync(submitter);
        await Gate.ExpectNoMsgAsync(TimeSpan.Zero);
        Gate.Send(submitter, Action());
        var outcome = await Gate.ExpectMsgAsync<ActionMined>();

        Assert.Equal(0, crashes);
        Assert.Equal(Assert.Single(Chain.Accepted).Hash, outcome.Hash);
        Assert.Equal(2, Chain.Calls("eth_sendRawTransaction")); // the send, then the re-broadcast ("already known")
        Assert.Equal(1UL, (await StatusAsync(submitter)).NextNonce);
    }

    [Fact]
    public async Task Restart_NewInstanceOnSameJournal_PendingResolvedWithoutNewNonce()
    {
        var first = StartSubmitter();
        var sent = await SubmitAsync(first, 1);
        await StopAsync(first);
        Chain.Mine();

        var second = StartSubmitter();
        Gate.Send(second, new SubscribeOutcomes(Gate.Ref));
        var resumed = await Gate.ExpectMsgAsync<ResumedActions>();
        var mined = await Gate.ExpectMsgAsync<ActionMined>();
        var next = await SubmitAsync(second, 2);

        Assert.Empty(resumed.InFlight);
        Assert.Equal(sent.Hash, mined.Hash);
        Assert.Equal(1UL, next.Nonce);
        Assert.Equal(2, Chain.Accepted.Count);
    }

    [Fact]
    public async Task Restart_PendingNotMined_RebroadcastSameBytes()
    {
        var first = StartSubmitter();
        var sent = await SubmitAsync(first);
        await StopAsync(first);

        var second = StartSubmitter();
        await SettledAsync(second);

        Assert.Equal(2, Chain.Calls("eth_sendRawTransaction"));
        Assert.Equal(sent.Hash, Assert.Single(Chain.Pool()).Hash);
        Assert.Equal(1UL, (await StatusAsync(second)).NextNonce);
    }
}
