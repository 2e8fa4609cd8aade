using System.Numerics;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.TestKit;
using Keeper.Actors.Logging;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tests.Logging;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;
using Microsoft.Extensions.Logging;
using Xunit;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tests.Submission;

public sealed class SignerBalanceWatchTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly Address Account = Address.Parse("0x00000000000000000000000000000000000000b1");
    private static readonly BigInteger Floor = Ether.WeiPerEther / 20;
    private readonly CapturingLoggerFactory _logs;
    private readonly List<ulong?> _reads = [];
    private BigInteger? _wei = Ether.WeiPerEther;

    public SignerBalanceWatchTests()
        : this(new CapturingLoggerFactory())
    {
    }

    private SignerBalanceWatchTests(CapturingLoggerFactory logs)
        : base(ActorSystemSetup.Create(BootstrapSetup.Create(), new KeeperLoggingSetup(logs)))
    {
        _logs = logs;
    }

    [Fact]
    public async Task Start_ReadsTheLatestBalanceAtOnce_AnswersItAndTellsTheSubmitter()
    {
        var (watch, submitter) = Start();

        var told = await submitter.ExpectMsgAsync<SignerBalance>();
        var asked = await watch.Ask<SignerBalance>(GetSignerBalance.Instance, TimeSpan.FromSeconds(10));

        Assert.Equal((SignerBalanceState.Ok, (BigInteger?)Ether.WeiPerEther, "1", Floor), (told.State, told.Wei, told.Eth, told.FloorWei));
        Assert.Equal(told, asked);
        Assert.Equal([null], _reads);
        Assert.NotNull(told.ReadAt);
        Assert.Equal(["Signer " + Account + " holds 1 ETH (warning floor 0.05 ETH)"], Lines());
    }

    [Fact]
    public async Task Heads_BalanceFallsBelowFloorThenToZeroThenFunded_OneLinePerChangeOfState()
    {
        var (watch, submitter) = Start();
        await submitter.ExpectMsgAsync<SignerBalance>();
        var states = new List<SignerBalanceState>();

        foreach (var (block, wei) in new (ulong, long)[] { (10, 40_000_000_000_000_000), (11, 30_000_000_000_000_000), (12, 0), (13, 0), (14, 100_000_000_000_000_000) })
        {
            _wei = wei;
            watch.Tell(Head(block));
            var read = await submitter.ExpectMsgAsync<SignerBalance>();
            Assert.Equal(block, read.Block);
            states.Add(read.State);
        }

        Assert.Equal([SignerBalanceState.BelowFloor, SignerBalanceState.BelowFloor, SignerBalanceState.Zero, SignerBalanceState.Zero, SignerBalanceState.Ok], states);
        Assert.Equal([null, 10UL, 11UL, 12UL, 13UL, 14UL], _reads);
        var lines = Lines();
        Assert.Equal(4, lines.Count);
        Assert.Contains("holds 0.04 ETH, below the floor of 0.05 ETH", lines[1], StringComparison.Ordinal);
        Assert.Contains("holds 0 ETH (block 12)", lines[2], StringComparison.Ordinal);
        Assert.Contains("holds 0.1 ETH again", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heads_BalanceOk_ReadEveryFewBlocksButEveryBlockOnceBelowTheFloor()
    {
        var submitter = CreateTestProbe();
        var watch = Sys.ActorOf(SignerBalanceWatch.Props(new SignerBalanceWatchOptions(Account, Floor, null, submitter.Ref) { OkEveryBlocks = 3 }, Read));
        await submitter.ExpectMsgAsync<SignerBalance>();

        // One head at a time, each read (or not) before the next, so no two reads fold into one.
        for (ulong block = 10; block <= 16; block++)
        {
            watch.Tell(Head(block));
            if (block is 10 or 13 or 16)
            {
                Assert.Equal(block, (await submitter.ExpectMsgAsync<SignerBalance>()).Block);
            }
            else
            {
                await watch.Ask<SignerBalance>(GetSignerBalance.Instance, TimeSpan.FromSeconds(10));
                await submitter.ExpectNoMsgAsync(TimeSpan.Zero);
            }
        }

        _wei = 1;
        watch.Tell(Head(19));
        Assert.Equal((19UL, SignerBalanceState.BelowFloor), ((await submitter.ExpectMsgAsync<SignerBalance>()).Block!.Value, (await watch.Ask<SignerBalance>(GetSignerBalance.Instance, TimeSpan.FromSeconds(10))).State));
        watch.Tell(Head(20));
        Assert.Equal(20UL, (await submitter.ExpectMsgAsync<SignerBalance>()).Block); // below the floor, every head is read

        Assert.Equal([null, 10UL, 13UL, 16UL, 19UL, 20UL], _reads);
    }

    [Fact]
    public async Task ReadFails_LastReadingStandsAndOneWarningUntilAReadSucceeds()
    {
        var (watch, submitter) = Start();
        var first = await submitter.ExpectMsgAsync<SignerBalance>();
        _wei = null;

        watch.Tell(Head(20));
        watch.Tell(Head(21));
        await AwaitConditionAsync(() => Task.FromResult(_reads.Count == 3), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(10), "expected reads at blocks 20 and 21");
        var during = await watch.Ask<SignerBalance>(GetSignerBalance.Instance, TimeSpan.FromSeconds(10));
        _wei = 2 * Ether.WeiPerEther;
        watch.Tell(Head(22));
        var after = await submitter.ExpectMsgAsync<SignerBalance>();

        Assert.Equal(first, during);
        Assert.Equal((SignerBalanceState.Ok, (BigInteger?)(2 * Ether.WeiPerEther), (ulong?)22), (after.State, after.Wei, after.Block));
        Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Could not read the balance", StringComparison.Ordinal));
        Assert.Single(_logs.Entries, e => e.Message.Contains("works again", StringComparison.Ordinal));
    }

    [Fact]
    public void NotReadyReason_OnlyAZeroBalanceMakesTheNodeUnready()
    {
        var unread = SignerBalance.Unread(Account, Floor);
        var zero = unread with { State = SignerBalance.Classify(0, Floor), Wei = 0, Block = 9 };
        var low = unread with { State = SignerBalance.Classify(1, Floor), Wei = 1, Block = 9 };
        var ok = unread with { State = SignerBalance.Classify(Floor, Floor), Wei = Floor, Block = 9 };

        Assert.Equal((SignerBalanceState.Zero, SignerBalanceState.BelowFloor, SignerBalanceState.Ok), (zero.State, low.State, ok.State));
        Assert.Equal($"signer balance is zero: {Account} holds 0 ETH at block 9; send ETH to it", zero.NotReadyReason());
        Assert.All([unread, low, ok], b => Assert.Null(b.NotReadyReason()));
        Assert.True(low.CannotPay(2));
        Assert.False(low.CannotPay(1));
        Assert.False(unread.CannotPay(1));
    }

    private (IActorRef Watch, TestProbe Submitter) Start()
    {
        var submitter = CreateTestProbe();
        var watch = Sys.ActorOf(SignerBalanceWatch.Props(new SignerBalanceWatchOptions(Account, Floor, null, submitter.Ref), Read));
        return (watch, submitter);
    }

    // Runs on the watch's read, off its mailbox; the test changes _wei only while no read is under way.
    private Task<BigInteger> Read(ulong? block, CancellationToken cancellationToken)
    {
        lock (_reads)
        {
            _reads.Add(block);
        }

        return _wei is { } wei ? Task.FromResult(wei) : Task.FromException<BigInteger>(new InvalidOperationException("connection refused"));
    }

    private static ChainTimeAdvanced Head(ulong number) => new(new BlockRef(number, Hash32.Zero, 1_000 + (number * 12)), 1_012 + (number * 12));

    private List<string> Lines() =>
        _logs.Entries.Where(e => e.Category == typeof(SignerBalanceWatch).FullName).Select(e => e.Message).ToList();
}
