using System.Numerics;
using Akka.Actor;
using Akka.Actor.Setup;
using Keeper.Actors.Logging;
using Keeper.Actors.Tests.Logging;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.Events;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;
using Microsoft.Extensions.Logging;
using Xunit;
using static Keeper.Actors.Tests.Tracking.TrackingFixtures;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tests.Tracking;

/// <summary>
/// The operator accounts' refresh rules, with heads as the only clock and a reader the test answers: which megapools are
/// read at which head, that a query never waits for a read, and how a failed read is retried.
/// </summary>
public sealed class OperatorAccountsTests : Akka.TestKit.Xunit2.TestKit
{
    private const ulong RefreshEvery = 100;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private static readonly Address DepositPool = Address.Parse("0x00000000000000000000000000000000000000d4");
    private static readonly Address OwnMegapool = Address.Parse("0x00000000000000000000000000000000000000f0");
    private static readonly Address Low = Address.Parse("0x0000000000000000000000000000000000000011");
    private static readonly Address High = Address.Parse("0x00000000000000000000000000000000000000e1");
    private static readonly BigInteger Penalty = BigInteger.Parse("50000000000000000");
    private readonly CapturingLoggerFactory _logs;
    private readonly FakeOperatorAccountReader _reader = new();

    public OperatorAccountsTests(Xunit.Abstractions.ITestOutputHelper output)
        : this(new CapturingLoggerFactory(), output)
    {
    }

    private OperatorAccountsTests(CapturingLoggerFactory logs, Xunit.Abstractions.ITestOutputHelper output)
        : base(ActorSystemSetup.Create(BootstrapSetup.Create(), new KeeperLoggingSetup(logs)), output: output)
    {
        _logs = logs;
    }

    [Fact]
    public async Task FirstHead_ReadsEveryKnownMegapoolAtThatBlock_OwnFirstThenByAddress()
    {
        var accounts = Start();
        accounts.Tell(Events(Read(High, 10), Read(Low, 10), Head(10)));

        var read = await _reader.NextAsync(Guard);
        read.Complete(BigInteger.Zero, Penalty);
        var view = await ViewAsync(accounts, v => v.Accounts.All(a => a.Block == 10));

        Assert.Equal((DepositPool, 10UL), (read.DepositPool, read.Block));
        Assert.Equal([(OwnMegapool, (Address?)Node), (High, null), (Low, null)], read.Megapools.OrderBy(m => m.Megapool != OwnMegapool).ThenByDescending(m => m.Megapool));
        Assert.Equal(10UL, view.Head);
        Assert.Equal(
            [
                new OperatorAccount(OwnMegapool, Node, true, BigInteger.Zero, Penalty, BigInteger.Parse("3000000000000000000"), 10, null),
                new OperatorAccount(Low, FakeOperatorAccountReader.Read.NodeOf(Low), false, BigInteger.Zero, Penalty, BigInteger.Parse("3000000000000000000"), 10, null),
                new OperatorAccount(High, FakeOperatorAccountReader.Read.NodeOf(High), false, BigInteger.Zero, Penalty, BigInteger.Parse("3000000000000000000"), 10, null),
            ],
            view.Accounts);
    }

    [Fact]
    public async Task MegapoolEvents_ReadOnlyThatMegapoolAtTheNextHead_EveryMegapoolAgainAfterTheRefreshInterval()
    {
        var accounts = Start();
        accounts.Tell(Events(Read(Low, 10), Read(High, 10), Head(10)));
        (await _reader.NextAsync(Guard)).Complete(BigInteger.Zero, BigInteger.Zero);
        await ViewAsync(accounts, v => v.Accounts.All(a => a.Block == 10));

        // A dissolve in block 11: only that megapool, with the node learnt from the first read.
        accounts.Tell(Events(Logged(Low, MegapoolValidatorEventKind.Dissolved, 11), Head(11)));
        var dissolved = await _reader.NextAsync(Guard);
        dissolved.Complete(BigInteger.Zero, Penalty);
        var afterDissolve = await ViewAsync(accounts, v => v.Accounts.Any(a => a.Block == 11));
        // A debt increase (a late-notify fine) in block 12, a dequeue in block 13.
        accounts.Tell(Events(new PoolLogObserved(At(12), new MegapoolDebtIncreasedLog(Entry(High, 12), Penalty, 0)), Head(12)));
        var fined = await _reader.NextAsync(Guard);
        fined.Complete(BigInteger.Zero, Penalty);
        accounts.Tell(Events(Logged(High, MegapoolValidatorEventKind.Dequeued, 13), Head(13)));
        var dequeued = await _reader.NextAsync(Guard);
        dequeued.Complete(BigInteger.Parse("4000000000000000000"), Penalty);
        // Heads without news read nothing until the interval since the last full read has passed.
        accounts.Tell(Events(Head(14)));
        accounts.Tell(Events(Head(10 + RefreshEvery - 1)));
        await ViewAsync(accounts, v => v.Head == 10 + RefreshEvery - 1);
        var quiet = _reader.HasPending;
        accounts.Tell(Events(Head(10 + RefreshEvery)));
        var refresh = await _reader.NextAsync(Guard);

        Assert.Equal([(Low, (Address?)FakeOperatorAccountReader.Read.NodeOf(Low))], dissolved.Megapools);
        Assert.Equal(11UL, dissolved.Block);
        Assert.Equal(Penalty, afterDissolve.Accounts.Single(a => a.Megapool == Low).Debt);
        Assert.Equal(BigInteger.Zero, afterDissolve.Accounts.Single(a => a.Megapool == High).Debt);
        Assert.Equal([High], fined.Megapools.Select(m => m.Megapool));
        Assert.Equal(12UL, fined.Block);
        Assert.Equal([High], dequeued.Megapools.Select(m => m.Megapool));
        Assert.Equal(13UL, dequeued.Block);
        Assert.False(quiet, "No read was expected between block 14 and the refresh interval's end.");
        Assert.Equal((3, 10 + RefreshEvery), (refresh.Megapools.Count, refresh.Block));
    }

    [Fact]
    public async Task ReadInFlight_QueryAnswersAtOnce_ChangesMeanwhileAreReadAtTheNewestHeadAfterIt()
    {
        var accounts = Start();
        accounts.Tell(Events(Read(Low, 10), Head(10)));
        var first = await _reader.NextAsync(Guard);

        // The read hangs: the query still answers, with nothing read yet, and no second read starts beside it.
        var during = await accounts.Ask<OperatorAccountsView>(GetOperatorAccounts.Instance, Guard);
        accounts.Tell(Events(Logged(Low, MegapoolValidatorEventKind.Enqueued, 11), Head(11)));
        accounts.Tell(Events(Read(High, 12), Head(12)));
        await ViewAsync(accounts, v => v.Head == 12);
        var overlapping = _reader.HasPending;
        first.Complete(BigInteger.Zero, BigInteger.Zero);
        var next = await _reader.NextAsync(Guard);

        Assert.Equal([OwnMegapool, Low], during.Accounts.Select(a => a.Megapool));
        Assert.All(during.Accounts, a => Assert.Equal((0UL, (BigInteger?)null, (BigInteger?)null), (a.Block, a.Credit, a.Debt)));
        Assert.False(overlapping, "A second read started while the first was in flight.");
        Assert.Equal(12UL, next.Block);
        Assert.Equal([Low, High], next.Megapools.Select(m => m.Megapool).Order());
    }

    [Fact]
    public async Task ReadFails_KeepsTheLastValues_RetriedAtTheNextHead_LoggedOnceUntilItWorksAgain()
    {
        var accounts = Start();
        accounts.Tell(Events(Read(Low, 10), Head(10)));
        (await _reader.NextAsync(Guard)).Complete(BigInteger.One, Penalty);
        await ViewAsync(accounts, v => v.Accounts.All(a => a.Block == 10));

        accounts.Tell(Events(Logged(Low, MegapoolValidatorEventKind.Dissolved, 11), Head(11)));
        (await _reader.NextAsync(Guard)).Answer.SetException(new JsonRpcTimeoutStandIn("eth_call timed out"));
        await ViewAsync(accounts, _ => Failures().Count > 0);
        accounts.Tell(Events(Head(12)));
        var retry = await _reader.NextAsync(Guard);
        retry.Answer.SetException(new JsonRpcTimeoutStandIn("eth_call timed out"));
        var kept = await accounts.Ask<OperatorAccountsView>(GetOperatorAccounts.Instance, Guard);
        accounts.Tell(Events(Head(13)));
        (await _reader.NextAsync(Guard)).Complete(BigInteger.One, Penalty * 2);
        var recovered = await ViewAsync(accounts, v => v.Accounts.Any(a => a.Block == 13));

        Assert.Equal([Low], retry.Megapools.Select(m => m.Megapool));
        Assert.Equal(12UL, retry.Block);
        Assert.Equal((10UL, (BigInteger?)Penalty), (kept.Accounts.Single(a => a.Megapool == Low).Block, kept.Accounts.Single(a => a.Megapool == Low).Debt));
        var failure = Assert.Single(Failures());
        Assert.Contains("Could not read the credit and debt of 1 megapools at block 11: eth_call timed out", failure, StringComparison.Ordinal);
        Assert.Equal(Penalty * 2, recovered.Accounts.Single(a => a.Megapool == Low).Debt);
        Assert.Contains(_logs.Entries, e => e.Category == typeof(OperatorAccounts).FullName && e.Message == "Credit and debt read again at block 13");
    }

    [Fact]
    public async Task DeploymentChanged_EveryMegapoolIsReadAgainFromTheNewDepositPool()
    {
        var upgraded = Address.Parse("0x00000000000000000000000000000000000000d5");
        var accounts = Start();
        accounts.Tell(Events(Read(Low, 10), Head(10)));
        (await _reader.NextAsync(Guard)).Complete(BigInteger.Zero, BigInteger.Zero);
        await ViewAsync(accounts, v => v.Accounts.All(a => a.Block == 10));

        var deployment = new RocketPoolDeployment(Address.Zero, Address.Zero, Address.Zero, upgraded, Address.Zero, Address.Zero, Address.Zero, []);
        accounts.Tell(Events(new DeploymentChanged(At(11), deployment), Head(11)));
        var read = await _reader.NextAsync(Guard);

        Assert.Equal((upgraded, 11UL, 2), (read.DepositPool, read.Block, read.Megapools.Count));
    }

    private IActorRef Start() => Sys.ActorOf(OperatorAccounts.Props(
        new OperatorAccountsOptions(DepositPool, new Dictionary<Address, Address> { [OwnMegapool] = Node }, RefreshEvery), _reader));

    // The actor handles messages in order: a view that satisfies the condition was taken after everything told before it.
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

            Assert.False(cts.IsCancellationRequested, $"The accounts never reached the expected state; last: {string.Join("; ", view.Accounts)} at head {view.Head}.");
            await Task.Yield();
        }
    }

    private IReadOnlyList<string> Failures() =>
        _logs.Entries.Where(e => e.Category == typeof(OperatorAccounts).FullName && e.Level == LogLevel.Warning).Select(e => e.Message).ToArray();

    private static WatcherEvents Events(params WatcherEvent[] events) => new(events);

    private static BlockRef At(ulong block) => new(block, Hash32.Zero, 1_700_000_000 + (block * 12));

    private static HeadAdvanced Head(ulong block) => new(At(block));

    private static MegapoolValidatorRead Read(Address megapool, ulong block) => new(At(block), megapool, 0, new byte[48], Queued());

    private static PoolLogObserved Logged(Address megapool, MegapoolValidatorEventKind kind, ulong block) =>
        new(At(block), new MegapoolValidatorLog(Entry(megapool, block), kind, 0, At(block).Timestamp));

    private static LogEntry Entry(Address emitter, ulong block) => new(emitter, [], [], block, Hash32.Zero, Hash32.Zero, 0, 0, false);

    private sealed class JsonRpcTimeoutStandIn(string message) : Exception(message);
}
