using Akka.Actor;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Chain.Watching;
using Xunit;

namespace Keeper.Integration.Tests.Submission;

/// <summary>An unfunded signing account on anvil: nothing is sent or journaled, its nonce stays free, and once funded the action goes out with it.</summary>
public sealed class SubmitterFundsOnAnvilTests : SubmitterOnAnvilBase
{
    [Fact]
    public async Task Unfunded_NodeSaysInsufficientFundsThenTheWatchSaysZero_NothingSentUntilFundedThenSentWithNonceZero()
    {
        await SetBalanceAsync(0);
        var submitter = StartSubmitter();
        var (action, _) = await DueActionAsync("dissolve:unfunded");

        // No reading yet: the node's own answer says the account cannot pay.
        Gate.Send(submitter, action);
        var byNode = await Gate.ExpectMsgAsync<ActionNotSent>();
        Assert.Equal(NotSentReason.InsufficientFunds, byNode.Reason);
        Assert.Equal(0UL, await KeeperNonceAsync(BlockTag.Pending));

        // The watch reads 0 from the chain: the submitter refuses before asking the node anything.
        var watch = Sys.ActorOf(SignerBalanceWatch.Props(
            new SignerBalanceWatchOptions(Keeper.Address, Ether.WeiPerEther, null, submitter),
            (block, ct) => Chain.Eth.GetBalanceAsync(Keeper.Address, block is { } b ? BlockTag.At(b) : BlockTag.Latest, ct)));
        Assert.Equal(SignerBalanceState.Zero, (await ReadingAsync(watch, SignerBalanceState.Zero)).State);
        await SettledAsync(submitter);
        Gate.Send(submitter, action);
        var byWatch = await Gate.ExpectMsgAsync<ActionNotSent>();
        Assert.Equal(NotSentReason.InsufficientFunds, byWatch.Reason);
        Assert.Contains("holds 0 ETH", byWatch.Detail, StringComparison.Ordinal);

        await SetBalanceAsync(10 * Ether.WeiPerEther);
        var head = await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None);
        watch.Tell(new ChainTimeAdvanced(new BlockRef(head.Number, head.Hash, head.Timestamp), head.Timestamp + 12), ActorRefs.NoSender);
        await ReadingAsync(watch, SignerBalanceState.Ok);
        await SettledAsync(submitter);
        Gate.Send(submitter, action);
        var sent = await Gate.ExpectMsgAsync<ActionSent>();
        await Chain.WaitMinedAsync(sent.Hash);
        await HeadAsync(submitter);
        var mined = await Gate.ExpectMsgAsync<ActionMined>();

        Assert.Equal((0UL, sent.Hash, true), (sent.Nonce, mined.Hash, mined.Succeeded));
        Assert.Equal(1UL, await KeeperNonceAsync(BlockTag.Latest));
        var record = Assert.Single((await StatusAsync(submitter)).Transactions, t => t.State == TransactionState.Succeeded);
        Assert.Equal(mined.Fee, record.Fee);
        Assert.Equal(mined.Fee / mined.GasUsed, record.EffectiveGasPrice);
        Assert.NotNull(record.SentAt);
    }

    private Task SetBalanceAsync(System.Numerics.BigInteger wei) =>
        Chain.Rpc.SendAsync("anvil_setBalance", [Keeper.Address.ToLowerHex(), Hex.EncodeQuantity(wei)], CancellationToken.None);

    private static async Task<SignerBalance> ReadingAsync(IActorRef watch, SignerBalanceState wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var balance = await watch.Ask<SignerBalance>(GetSignerBalance.Instance, TimeSpan.FromSeconds(15));
            if (balance.State == wanted)
            {
                return balance;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
