using System.Numerics;
using Akka.Actor;
using Keeper.Actors.Persistence;
using Keeper.Actors.Submission;
using Keeper.Actors.Tests.Persistence.Sql;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Microsoft.Extensions.Logging;
using Xunit;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tests.Submission;

public sealed class SubmitterSendTests : SubmitterTestBase
{
    [Fact]
    public async Task Submit_ValidAction_JournalsCreatedBeforeSentAndRepliesSent()
    {
        var submitter = StartSubmitter();

        var sent = await SubmitAsync(submitter);

        Assert.Equal(0UL, sent.Nonce);
        var accepted = Assert.Single(Chain.Accepted);
        Assert.Equal(sent.Hash, accepted.Hash);
        var journal = await JournalAsync();
        var created = Assert.IsType<TransactionCreated>(journal[0]);
        Assert.Equal(TaskKey(), created.TaskKey);
        Assert.Equal(accepted.Raw, created.Version.Raw);
        Assert.Equal(60_000UL, created.Version.GasLimit); // 50,000 estimated x 1.2
        Assert.Equal(new TransactionSent(0, sent.Hash), (TransactionSent)journal[1] with { At = null });
        Assert.NotNull(((TransactionSent)journal[1]).At);
        Assert.Equal(2, journal.Count);
    }

    [Fact]
    public async Task Submit_SecondTaskAndSameTaskAgain_ConsecutiveNonceThenAlreadyPending()
    {
        var submitter = StartSubmitter();
        await SubmitAsync(submitter, 1);

        var second = await SubmitAsync(submitter, 2);
        Gate.Send(submitter, Action(1));
        var again = await Gate.ExpectMsgAsync<ActionNotSent>();

        Assert.Equal(1UL, second.Nonce);
        Assert.Equal(NotSentReason.AlreadyPending, again.Reason);
        Assert.Equal(2, Chain.Accepted.Count);
    }

    [Fact]
    public async Task Submit_NodeAlreadyHasNonces_StartsAtPendingCount()
    {
        Chain.ForeignMined = 5;
        var submitter = StartSubmitter();

        var sent = await SubmitAsync(submitter);

        Assert.Equal(5UL, sent.Nonce);
    }

    [Fact]
    public async Task Submit_SelectorNotAllowed_NothingSimulatedOrSent()
    {
        var submitter = StartSubmitter();
        var other = new ContractCall(MegapoolAddress, Hex.Decode("0xdeadbeef"), "something else");

        Gate.Send(submitter, new SubmitAction("x", other, 1, 0));
        var refused = await Gate.ExpectMsgAsync<ActionNotSent>();

        Assert.Equal(NotSentReason.NotAllowed, refused.Reason);
        Assert.Contains("0xdeadbeef", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(0, Chain.Calls("eth_call"));
        Assert.Empty(Chain.Accepted);
        Assert.Empty(await JournalAsync());
    }

    [Fact]
    public async Task Submit_AllowedFunctionOnAContractNotTracked_RefusedBeforeSigningAndLogged()
    {
        var submitter = StartSubmitter();
        var stranger = Address.Parse("0x00000000000000000000000000000000000000c3");

        Gate.Send(submitter, new SubmitAction("y", Megapool.DissolveValidator(stranger, 7), 1, 0));
        var refused = await Gate.ExpectMsgAsync<ActionNotSent>();

        Assert.Equal(NotSentReason.NotAllowed, refused.Reason);
        Assert.Contains(stranger.ToString(), refused.Detail, StringComparison.Ordinal);
        Assert.Equal(0, Chain.Calls("eth_call"));
        Assert.Equal(0, Chain.Calls("eth_estimateGas"));
        Assert.Empty(Chain.Accepted);
        Assert.Empty(await JournalAsync());
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("not on the allow-list", StringComparison.Ordinal)
            && e.Message.Contains(stranger.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_MegapoolTrackedAfterStart_Sent()
    {
        var submitter = StartSubmitter();
        var later = Address.Parse("0x00000000000000000000000000000000000000d4");
        Gate.Send(submitter, new SubmitAction("early", Megapool.DissolveValidator(later, 1), 1_000_000, 0));
        Assert.Equal(NotSentReason.NotAllowed, (await Gate.ExpectMsgAsync<ActionNotSent>()).Reason);

        AllowList.AddMegapools([later]);
        Gate.Send(submitter, new SubmitAction("late", Megapool.DissolveValidator(later, 1), 1_000_000, 0));
        var sent = await Gate.ExpectMsgAsync<ActionSent>(hint: "the call sent once its megapool is tracked");

        Assert.Equal(later, Assert.Single(Chain.Accepted).To!.Value);
        Assert.Equal(sent.Hash, Chain.Accepted[0].Hash);
    }

    [Fact]
    public async Task Submit_SimulationReverts_WouldRevertWithDecodedReasonAndNothingSent()
    {
        // Error(string) "not dissolvable": selector 0x08c379a0, offset 0x20, length 15, the text padded to 32 bytes.
        Chain.RevertData = Hex.Decode("0x08c379a0" + "20".PadLeft(64, '0') + "0f".PadLeft(64, '0') + Convert.ToHexString("not dissolvable"u8).ToLowerInvariant().PadRight(64, '0'));
        var submitter = StartSubmitter();

        Gate.Send(submitter, Action());
        var refused = await Gate.ExpectMsgAsync<ActionNotSent>();

        Assert.Equal(NotSentReason.WouldRevert, refused.Reason);
        Assert.Contains("not dissolvable", refused.Detail, StringComparison.Ordinal);
        Assert.Empty(Chain.Accepted);
        Assert.Empty(await JournalAsync());
    }

    [Fact]
    public async Task Submit_FeeSpikeAboveCap_NothingSentAndWarningSaysWhy()
    {
        Chain.BaseFee = 150_000_000_000; // 150 gwei, cap 100
        var submitter = StartSubmitter();

        Gate.Send(submitter, Action());
        var refused = await Gate.ExpectMsgAsync<ActionNotSent>();

        Assert.Equal(NotSentReason.AboveFeeCap, refused.Reason);
        Assert.Empty(Chain.Accepted);
        Assert.Empty(await JournalAsync());
        var warning = Assert.Single(Logs.Entries, e => e.Level == LogLevel.Warning && e.Category.EndsWith(nameof(Submitter), StringComparison.Ordinal));
        Assert.Contains(TaskKey(), warning.Message, StringComparison.Ordinal);
        Assert.Contains("151 gwei", warning.Message, StringComparison.Ordinal);
        Assert.Contains("fee cap of 100 gwei", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 0, NotSentReason.Unprofitable)]
    [InlineData(true, 0, null)]
    // 60,000 gas at 1 gwei base fee + 1 gwei tip costs 120,000 gwei; a reward of exactly that clears a zero minimum.
    [InlineData(false, 120_000_000_000_000, null)]
    [InlineData(false, 119_999_999_999_999, NotSentReason.Unprofitable)]
    public async Task Submit_Profitability_SentOnlyWhenRewardCoversGasOrOptedIn(bool actWithoutReward, long reward, NotSentReason? expected)
    {
        var submitter = StartSubmitter(Options() with { ActWithoutReward = actWithoutReward });

        Gate.Send(submitter, Action(reward: reward));
        var outcome = await Gate.ExpectMsgAsync<ActionOutcome>();

        if (expected is { } reason)
        {
            Assert.Equal(reason, Assert.IsType<ActionNotSent>(outcome).Reason);
            Assert.Empty(Chain.Accepted);
        }
        else
        {
            Assert.IsType<ActionSent>(outcome);
        }
    }

    [Theory]
    [InlineData("nonce too low")]
    [InlineData("already known")]
    [InlineData("replacement transaction underpriced")]
    [InlineData("Nonce Too Low: address 0xf39f..., tx: 0 state: 1")]
    public async Task Submit_NodeSaysAlreadySubmitted_TreatedAsSentAndResolvedByReceipt(string nodeMessage)
    {
        Chain.SendErrors.Enqueue(nodeMessage);
        Chain.ScriptedErrorsDeliver = true;
        var submitter = StartSubmitter();

        var sent = await SubmitAsync(submitter);
        await MineAsync(submitter);
        var mined = await Gate.ExpectMsgAsync<ActionMined>();

        var journal = await JournalAsync();
        Assert.Equal(new TransactionSent(0, sent.Hash), (TransactionSent)journal[1] with { At = null });
        Assert.NotNull(((TransactionSent)journal[1]).At);
        Assert.Equal(sent.Hash, mined.Hash);
        Assert.Equal(1UL, (await StatusAsync(submitter)).NextNonce);
        Assert.Single(Chain.Accepted);
    }

    [Fact]
    public async Task Submit_NodeRejectsAndHoldsNothing_NonceReleasedAndReused()
    {
        Chain.SendErrors.Enqueue("transaction type not supported");
        var submitter = StartSubmitter();

        Gate.Send(submitter, Action(1));
        var refused = await Gate.ExpectMsgAsync<ActionNotSent>();
        var next = await SubmitAsync(submitter, 2);

        Assert.Equal(NotSentReason.Rejected, refused.Reason);
        Assert.Contains("transaction type not supported", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(0UL, next.Nonce);
        var dropped = Assert.IsType<TransactionDropped>((await JournalAsync())[1]);
        Assert.True(dropped.NonceReleased);
    }

    [Fact]
    public async Task Submit_TransportFailsAfterDelivery_KeptAndResolvedWithoutNewNonce()
    {
        Chain.TransportFailures = 1;
        Chain.TransportFailureDelivers = true;
        var submitter = StartSubmitter();

        var sent = await SubmitAsync(submitter);
        await MineAsync(submitter);
        var mined = await Gate.ExpectMsgAsync<ActionMined>();

        Assert.Equal(sent.Hash, mined.Hash);
        Assert.True(mined.Succeeded);
        Assert.Equal(1UL, (await StatusAsync(submitter)).NextNonce);
        Assert.Single(Chain.Accepted);
    }

    [Fact]
    public async Task Submit_TransportFailsBeforeDelivery_ReBroadcastOnNextHeadSameHash()
    {
        Chain.TransportFailures = 1;
        var submitter = StartSubmitter();

        var sent = await SubmitAsync(submitter);
        Assert.Empty(Chain.Accepted);
        await HeadAsync(submitter);
        await MineAsync(submitter);

        Assert.Equal(sent.Hash, Assert.Single(Chain.Accepted).Hash);
        Assert.Equal(sent.Hash, (await Gate.ExpectMsgAsync<ActionMined>()).Hash);
    }

    [Fact]
    public async Task Submit_AnotherProcessWritesTheSameJournal_RefusedHaltedLoggedAndStopped()
    {
        var submitter = StartSubmitter();
        await SubmitAsync(submitter, 1);
        // Another process on the same store and key journals an event of its own under the same persistence id.
        using (var other = ActorSystem.Create("other-process", KeeperSerializer.Configuration.WithFallback(SqlPersistenceConfig.For(Store))))
        {
            var writer = other.ActorOf(JournalProbeActor.Props(Submitter.PersistenceIdFor(Key.Address), useSnapshot: false));
            await writer.Ask<JournalProbeActor.Appended>(new JournalProbeActor.Append([new TransactionSent(0, Chain.Accepted[0].Hash)]), TimeSpan.FromSeconds(30));
            await other.Terminate();
        }

        var watcher = CreateTestProbe();
        watcher.Watch(submitter);
        Gate.Send(submitter, Action(2));
        var refused = await Gate.ExpectMsgAsync<ActionNotSent>(TimeSpan.FromSeconds(30));
        await watcher.ExpectTerminatedAsync(submitter, TimeSpan.FromSeconds(30));

        Assert.Equal(NotSentReason.Halted, refused.Reason);
        Assert.Single(Chain.Accepted);
        Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("same signing key", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_Invalid_ErrorNamesTheSetting()
    {
        var zeroChain = Assert.Throws<ArgumentException>(() => (Options() with { ChainId = 0 }).Validate());
        var confirmations = Assert.Throws<ArgumentException>(() => (Options() with { Confirmations = 0 }).Validate());

        Assert.Contains("ChainId", zeroChain.Message, StringComparison.Ordinal);
        Assert.Contains("Confirmations", confirmations.Message, StringComparison.Ordinal);
        Assert.Equal(BigInteger.Zero, Options().MinProfitWei);
    }
}
