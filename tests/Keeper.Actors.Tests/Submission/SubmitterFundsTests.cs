using System.Numerics;
using Keeper.Actors.Submission;
using Keeper.Chain.Primitives;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Keeper.Actors.Tests.Submission;

/// <summary>An unfunded signer: nothing is sent, the gate hears why, and the log says so once per block.</summary>
public sealed class SubmitterFundsTests : SubmitterTestBase
{
    [Fact]
    public async Task Submit_BalanceZero_RefusedWithoutAskingTheNodeAndOneLinePerBlock()
    {
        var submitter = StartSubmitter();
        await HeadAsync(submitter);
        submitter.Tell(Balance(0), Akka.Actor.ActorRefs.NoSender);

        Gate.Send(submitter, Action(1));
        Gate.Send(submitter, Action(2));
        var first = await Gate.ExpectMsgAsync<ActionNotSent>();
        var second = await Gate.ExpectMsgAsync<ActionNotSent>();
        await MineAsync(submitter);
        Gate.Send(submitter, Action(3));
        var third = await Gate.ExpectMsgAsync<ActionNotSent>();

        Assert.All([first, second, third], m => Assert.Equal(NotSentReason.InsufficientFunds, m.Reason));
        Assert.Contains("holds 0 ETH", first.Detail, StringComparison.Ordinal);
        Assert.Equal(0, Chain.Calls("eth_estimateGas"));
        Assert.Empty(Chain.Accepted);
        Assert.Empty(await JournalAsync());
        Assert.Equal(2, FundsLines().Count); // two heads, three refusals
    }

    [Fact]
    public async Task Submit_BalanceBelowGasLimitTimesFeeCap_Refused()
    {
        var submitter = StartSubmitter();
        await HeadAsync(submitter);
        submitter.Tell(Balance(1_000_000_000), Akka.Actor.ActorRefs.NoSender); // 1 gwei: far below 60,000 gas at a few gwei

        Gate.Send(submitter, Action(1));
        var refused = await Gate.ExpectMsgAsync<ActionNotSent>();

        Assert.Equal(NotSentReason.InsufficientFunds, refused.Reason);
        Assert.Contains("holds 0.000000001 ETH at block 4, less than the", refused.Detail, StringComparison.Ordinal);
        Assert.Empty(Chain.Accepted);
        Assert.Single(FundsLines());
    }

    [Fact]
    public async Task Submit_BalanceEnough_Sent()
    {
        var submitter = StartSubmitter();
        submitter.Tell(Balance(Ether.WeiPerEther), Akka.Actor.ActorRefs.NoSender);

        var sent = await SubmitAsync(submitter, 1);

        Assert.Equal(sent.Hash, Assert.Single(Chain.Accepted).Hash);
        Assert.Empty(FundsLines());
    }

    [Fact]
    public async Task Submit_NodeAnswersInsufficientFunds_InsufficientFundsNonceReleasedAndOneLinePerBlock()
    {
        Chain.SendErrors.Enqueue("insufficient funds for gas * price + value");
        Chain.SendErrors.Enqueue("insufficient funds for gas * price + value");
        var submitter = StartSubmitter();

        Gate.Send(submitter, Action(1));
        Gate.Send(submitter, Action(2));
        var first = await Gate.ExpectMsgAsync<ActionNotSent>();
        var second = await Gate.ExpectMsgAsync<ActionNotSent>();
        var next = await SubmitAsync(submitter, 3);

        Assert.Equal((NotSentReason.InsufficientFunds, NotSentReason.InsufficientFunds), (first.Reason, second.Reason));
        Assert.Contains("insufficient funds for gas", first.Detail, StringComparison.Ordinal);
        Assert.Equal(0UL, next.Nonce);
        var journal = await JournalAsync();
        Assert.Equal(2, journal.OfType<TransactionDropped>().Count(d => d.NonceReleased));
        Assert.Single(FundsLines());
    }

    private static SignerBalance Balance(BigInteger wei) =>
        new(Key.Address, SignerBalance.Classify(wei, Ether.WeiPerEther), wei, 4, DateTimeOffset.UnixEpoch, Ether.WeiPerEther);

    private List<string> FundsLines() =>
        Logs.Entries.Where(e => e.Category == typeof(Submitter).FullName && e.Level == LogLevel.Error && e.Message.StartsWith("Sending nothing at head", StringComparison.Ordinal))
            .Select(e => e.Message).ToList();
}
