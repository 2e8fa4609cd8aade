using System.Numerics;
using Akka.Actor;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Address = Keeper.Chain.Primitives.Address;
using Xunit;

namespace Keeper.Integration.Tests.RocketPool;

/// <summary>
/// Credit, debt and refund value as the harness contracts report them, read by the keeper's batched reads: a dequeue
/// credits the bond, a dissolve adds the penalty to the debt and the bond net of the prestake to the refund value, and the
/// operator accounts actor, fed by the real chain watcher, sees each change at the next head.
/// </summary>
public sealed class HarnessOperatorAccountsTests : HarnessTestBase
{
    private const ulong Day = 24 * 60 * 60;
    private static readonly BigInteger Bond = BigInteger.Parse("4000000000000000000");
    private static readonly BigInteger Penalty = BigInteger.Parse("50000000000000000");
    private static readonly BigInteger BondLessPrestake = BigInteger.Parse("3000000000000000000");
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DequeueThenDissolve_CreditDebtAndRefundAsTheContractsReportThem_SeenByTheActorAtTheNextHead()
    {
        var node = Chain.Keys[1].Address;
        var megapool = await Harness.CreateMegapoolAsync(node);
        var dequeued = await Harness.NewValidatorAsync(megapool);
        var dissolved = await Harness.NewValidatorAsync(megapool);
        var before = await ReadAsync(megapool);
        await Harness.DequeueAsync(megapool, dequeued);
        await Harness.AssignAsync(megapool, dissolved);
        var watcher = NewWatcher();
        using var system = ActorSystem.Create("operator-accounts-test");
        var accounts = system.ActorOf(OperatorAccounts.Props(
            new OperatorAccountsOptions(Harness.Deployment.DepositPool, new Dictionary<Address, Address>(), 1_000), new ChainOperatorAccountReader(Multicall())));

        accounts.Tell(new WatcherEvents(await watcher.PollAsync(CancellationToken.None)));
        var afterDequeue = await ViewAsync(accounts, v => v.Accounts.Count == 1 && v.Accounts[0].Block > 0);
        var info = await new Megapool(Chain.Eth, Multicall(), megapool).GetValidatorInfoAsync(dissolved, BlockTag.Latest, CancellationToken.None);
        await Chain.SetNextBlockTimestampAsync(info.LastAssignmentTime + (28 * Day) + 1);
        var dissolve = Megapool.DissolveValidator(megapool, dissolved);
        var receipt = await Chain.SendAsync(Chain.Keys[3], dissolve.To, dissolve.Data, gas: 300_000);
        accounts.Tell(new WatcherEvents(await watcher.PollAsync(CancellationToken.None)));
        var afterDissolve = await ViewAsync(accounts, v => v.Accounts[0].Block >= receipt.BlockNumber);

        Assert.True(receipt.Succeeded, "The dissolve after the deadline was expected to succeed.");
        Assert.Equal(new MegapoolAccount(megapool, node, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, null), before);
        Assert.Equal(new OperatorAccount(megapool, node, false, Bond, BigInteger.Zero, BigInteger.Zero, afterDequeue.Accounts[0].Block, null), afterDequeue.Accounts[0]);
        Assert.Equal(new OperatorAccount(megapool, node, false, Bond, Penalty, BondLessPrestake, receipt.BlockNumber, null), afterDissolve.Accounts[0]);
        Assert.Equal(new MegapoolAccount(megapool, node, Bond, Penalty, BondLessPrestake, null), await ReadAsync(megapool));
    }

    [Fact]
    public async Task ReadAsync_MegapoolNotDeployedYet_CreditOfItsNodeReadAndTheMissingValuesExplained()
    {
        var node = Chain.Keys[2].Address;
        var expected = await new MegapoolFactory(Chain.Eth, Harness.Deployment.MegapoolFactory).GetExpectedAddressAsync(node, BlockTag.Latest, CancellationToken.None);
        var deployed = await Harness.CreateMegapoolAsync(Chain.Keys[1].Address);
        var head = (await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None)).Number;

        var accounts = await MegapoolAccounts.ReadAsync(Multicall(), Harness.Deployment.DepositPool, [(expected, node), (deployed, null)], BlockTag.At(head), CancellationToken.None);

        Assert.Equal((expected, (Address?)node, (BigInteger?)BigInteger.Zero, (BigInteger?)null, (BigInteger?)null), (accounts[0].Megapool, accounts[0].Node, accounts[0].Credit, accounts[0].Debt, accounts[0].Refund));
        Assert.Equal($"no contract at {expected} answered: not deployed yet", accounts[0].Problem);
        Assert.Equal(new MegapoolAccount(deployed, Chain.Keys[1].Address, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, null), accounts[1]);
    }

    private async Task<MegapoolAccount> ReadAsync(Address megapool)
    {
        var head = (await Chain.Eth.GetBlockAsync(BlockTag.Latest, CancellationToken.None)).Number;
        return (await MegapoolAccounts.ReadAsync(Multicall(), Harness.Deployment.DepositPool, [(megapool, null)], BlockTag.At(head), CancellationToken.None))[0];
    }

    private static async Task<OperatorAccountsView> ViewAsync(IActorRef accounts, Func<OperatorAccountsView, bool> condition)
    {
        using var cts = new CancellationTokenSource(Guard);
        while (true)
        {
            var view = await accounts.Ask<OperatorAccountsView>(GetOperatorAccounts.Instance, Guard);
            if (condition(view))
            {
                return view;
            }

            Assert.False(cts.IsCancellationRequested, $"The operator accounts never showed the expected read; last: {string.Join("; ", view.Accounts)} at head {view.Head}.");
            await Task.Yield();
        }
    }
}
