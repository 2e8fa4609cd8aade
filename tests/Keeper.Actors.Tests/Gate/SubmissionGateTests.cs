using Akka.Actor;
using Akka.TestKit;
using Keeper.Actors.Gate;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tests.Timing;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Keeper.Chain.Watching;
using Xunit;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tests.Gate;

/// <summary>
/// The gate on a SQLite claim store, with a probe for its submitter. The actor system runs on Akka's TestScheduler, so the
/// claims' times (the gate reads <c>Scheduler.Now</c>) move only when a test advances it.
/// </summary>
public sealed partial class SubmissionGateTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private const ulong W = 24;
    private const string VirtualTime = "akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"\nakka.test.single-expect-default = 20s";
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);
    private static readonly Address Minipool = Address.Parse("0x00000000000000000000000000000000000000aa");
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"keeper-gate-{Guid.NewGuid():N}.db");
    private SqliteClaimDatabase? _store;

    public SubmissionGateTests()
        : base(VirtualTime)
    {
    }

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private static Address Member(byte b)
    {
        var bytes = new byte[20];
        bytes[19] = b;
        return new Address(bytes);
    }

    public async Task InitializeAsync() => _store = await SqliteClaimDatabase.OpenAsync(new SqliteClaimDatabaseOptions(SqlStoreLocation.Sqlite(_path)), new SchedulerClock(Sys.Scheduler), null, CancellationToken.None);

    public async Task DisposeAsync()
    {
        // The gate may be inside a store call: stop the actors before the store goes.
        await ShutdownAsync(verifySystemShutdown: true);
        await _store!.DisposeAsync();
        File.Delete(_path);
    }

    private (IActorRef Gate, TestProbe Submitter, FakeSimulator Simulator) StartGate(Address self, bool enabled = true)
    {
        var submitter = CreateTestProbe("submitter");
        var simulator = new FakeSimulator();
        var gate = Sys.ActorOf(SubmissionGate.Props(new SubmissionGateOptions(self, self.ToLowerHex(), W, new SqlClaimStore(_store!), simulator, submitter.Ref, enabled)), $"gate-{self.ToLowerHex()}");
        // The gate follows every outcome of its submitter, its resumed transactions' included.
        submitter.ExpectMsg<SubscribeOutcomes>(m => m.Subscriber.Equals(gate));
        return (gate, submitter, simulator);
    }

    /// <summary>
    /// The gate's status once it has handled everything sent to it so far, the evaluation a <see cref="DutyDue"/> queues
    /// behind itself included. The gate handles its mailbox in order and an async handler holds the mailbox until it ends,
    /// so the first answer proves every earlier message handled; a DutyDue's evaluation message is queued by then, so the
    /// second answer comes after it. (The evaluation sends the gate nothing further.)
    /// </summary>
    private static async Task<GateStatus> SettledAsync(IActorRef gate)
    {
        await StatusAsync(gate);
        return await StatusAsync(gate);
    }

    private static async Task<GateStatus> StatusAsync(IActorRef gate)
    {
        try
        {
            return await gate.Ask<GateStatus>(GetGateStatus.Instance, AskTimeout);
        }
        catch (AskTimeoutException e)
        {
            throw new TimeoutException($"Expected the gate to answer {nameof(GetGateStatus)} within {AskTimeout}, but it did not: a handler is stuck or the gate stopped.", e);
        }
    }

    private Task<IReadOnlyList<Claim>> ClaimsAsync(string taskKey) => new SqlClaimStore(_store!).GetAsync(taskKey, CancellationToken.None);

    private static Duty DissolveDuty(ulong dueAt) => new(TaskKeys.DissolveMinipool(Minipool), DutyKind.DissolveMinipool, Minipool, null, dueAt);

    private static ChainTimeAdvanced Head(ulong nextBlockTime) => new(new BlockRef(1, Hash32.Zero, nextBlockTime - 12), nextBlockTime);

    [Fact]
    public async Task Alone_DueTask_ClaimedAndHandedToTheSubmitter()
    {
        var (gate, submitter, _) = StartGate(Member(1));

        gate.Tell(new DutyDue(DissolveDuty(1_000), 1_000));

        var submit = await submitter.ExpectMsgAsync<SubmitAction>();
        Assert.Equal(TaskKeys.DissolveMinipool(Minipool), submit.TaskKey);
        Assert.Equal(Minipool, submit.Call.To);
        Assert.Equal(1_000UL, submit.NextBlockTime);
        var claim = Assert.Single(await ClaimsAsync(submit.TaskKey));
        Assert.Equal(0, claim.Window);
        Assert.Equal(ClaimState.Pending, claim.State);
        Assert.Equal(Scheduler.Now, claim.Created);
        Assert.Equal(Scheduler.Now, claim.Updated);
    }

    [Fact]
    public async Task TwoMembers_OnlyTheHolderSubmits_AndTheOtherTakesOverInTheNextWindow()
    {
        var a = Member(1);
        var b = Member(2);
        var duty = DissolveDuty(1_000);
        var holder0 = GateMath.Holder(GateMath.Seed(duty.Key), 0, [a, b]);
        var other = holder0 == a ? b : a;
        var (gate, submitter, _) = StartGate(other);
        gate.Tell(new MembershipChanged([a, b], true));

        gate.Tell(new DutyDue(duty, 1_000));
        gate.Tell(Head(1_000 + W - 1));
        await submitter.ExpectMsgAsync<SubmitterHead>();
        var waiting = await SettledAsync(gate);
        await submitter.ExpectNoMsgAsync(TimeSpan.Zero);
        Assert.Equal("waiting", Assert.Single(waiting.Tasks).State);

        gate.Tell(Head(1_000 + W));
        await submitter.ExpectMsgAsync<SubmitterHead>();
        var submit = await submitter.ExpectMsgAsync<SubmitAction>();
        Assert.Equal(duty.Key, submit.TaskKey);
        Assert.Equal(1, Assert.Single(await ClaimsAsync(duty.Key)).Window);
    }

    [Fact]
    public async Task StoreUnreachable_NothingSubmitted()
    {
        var (gate, submitter, _) = StartGate(Member(1));
        gate.Tell(new MembershipChanged([], StoreReachable: false));

        gate.Tell(new DutyDue(DissolveDuty(1_000), 1_000));
        gate.Tell(Head(1_100));

        await submitter.ExpectMsgAsync<SubmitterHead>();
        var status = await SettledAsync(gate);
        await submitter.ExpectNoMsgAsync(TimeSpan.Zero);
        Assert.False(status.StoreReachable);
        Assert.Equal(0, status.TurnsHeld);
        Assert.Empty(await ClaimsAsync(DissolveDuty(1_000).Key));
    }

    [Fact]
    public async Task SelfNotUp_NotCountedAndNothingSubmitted_UpAgainTakesItsTurn()
    {
        var (gate, submitter, _) = StartGate(Member(1));
        gate.Tell(new MembershipChanged([Member(2)], true, SelfUp: false));

        gate.Tell(new DutyDue(DissolveDuty(1_000), 1_000));
        gate.Tell(Head(1_100));

        await submitter.ExpectMsgAsync<SubmitterHead>();
        var status = await SettledAsync(gate);
        await submitter.ExpectNoMsgAsync(TimeSpan.Zero);
        Assert.Equal([Member(2)], status.Members);
        Assert.Equal(0, status.TurnsHeld);
        Assert.Equal(Member(2), Assert.Single(status.Tasks).Holder);

        // Up and alone: every window is its own.
        gate.Tell(new MembershipChanged([], true));
        gate.Tell(Head(1_101));
        await submitter.ExpectMsgAsync<SubmitterHead>();
        Assert.Equal(DissolveDuty(1_000).Key, (await submitter.ExpectMsgAsync<SubmitAction>()).TaskKey);
    }

    [Fact]
    public async Task SimulationReverts_NothingClaimedOrSubmitted()
    {
        var (gate, submitter, simulator) = StartGate(Member(1));
        simulator.Revert = "The minipool can only be dissolved while in prelaunch";

        gate.Tell(new DutyDue(DissolveDuty(1_000), 1_000));

        var status = await SettledAsync(gate);
        await submitter.ExpectNoMsgAsync(TimeSpan.Zero);
        Assert.Equal(1, status.TurnsHeld); // the turn was held and simulated: the revert alone stopped it
        Assert.Equal(0, status.Claimed);
        Assert.Empty(await ClaimsAsync(DissolveDuty(1_000).Key));
    }

    [Fact]
    public async Task SimulationCannotRun_GateKeepsItsTasksAndSubmitsAtTheNextHead()
    {
        var (gate, submitter, simulator) = StartGate(Member(1));
        simulator.Failure = new JsonRpcTransportException("eth_call", "connection refused (endpoint 1 of 1)", attempts: 5);
        var duty = DissolveDuty(1_000);

        gate.Tell(new DutyDue(duty, 1_000));

        var status = await SettledAsync(gate);
        await submitter.ExpectNoMsgAsync(TimeSpan.Zero);
        Assert.Equal(duty.Key, Assert.Single(status.Tasks).TaskKey); // the gate did not restart and lose its task
        Assert.Equal(0, status.TurnsHeld);
        Assert.Empty(await ClaimsAsync(duty.Key));

        simulator.Failure = null;
        gate.Tell(Head(1_001));
        await submitter.ExpectMsgAsync<SubmitterHead>();
        Assert.Equal(duty.Key, (await submitter.ExpectMsgAsync<SubmitAction>()).TaskKey);
        Assert.Equal(ClaimState.Pending, Assert.Single(await ClaimsAsync(duty.Key)).State);
    }

    [Fact]
    public async Task CancelledWhileInFlight_SubmitterAbandonsAndClaimIsAbandoned()
    {
        var (gate, submitter, _) = StartGate(Member(1));
        gate.Tell(new DutyDue(DissolveDuty(1_000), 1_000));
        var submit = await submitter.ExpectMsgAsync<SubmitAction>();
        gate.Tell(new ActionSent(submit.TaskKey, Hash32.Zero, 0), submitter.Ref);

        gate.Tell(new DutyCancelled(submit.TaskKey, "done by another keeper"));

        var abandon = await submitter.ExpectMsgAsync<AbandonAction>();
        Assert.Equal(submit.TaskKey, abandon.TaskKey);
        gate.Tell(new ActionCancelled(submit.TaskKey, Hash32.Zero, 5), submitter.Ref);
        var status = await SettledAsync(gate);
        Assert.Equal(ClaimState.Abandoned, Assert.Single(await ClaimsAsync(submit.TaskKey)).State);
        Assert.Empty(status.Tasks);
    }

    [Fact]
    public async Task SentThenMined_ClaimKeepsSentTimeAndTheReceiptsFiguresForTheHistory()
    {
        var start = Scheduler.Now;
        var (gate, submitter, _) = StartGate(Member(1));
        gate.Tell(new DutyDue(DissolveDuty(1_000), 1_000));
        var submit = await submitter.ExpectMsgAsync<SubmitAction>();
        var hash = new Hash32(Enumerable.Repeat((byte)0xab, Hash32.Size).ToArray());
        gate.Tell(new ActionSent(submit.TaskKey, hash, 0), submitter.Ref);
        await SettledAsync(gate);
        Scheduler.Advance(TimeSpan.FromSeconds(12));

        gate.Tell(new ActionMined(submit.TaskKey, hash, 6, true, 61_234, 61_234 * new System.Numerics.BigInteger(3_000_000_007), ReorgWatchUntil: 70), submitter.Ref);
        await SettledAsync(gate);

        var entry = Assert.Single(await new SqlClaimStore(_store!).GetHistoryAsync(start, null, 10, CancellationToken.None));
        Assert.Equal((ClaimState.Mined, (DateTimeOffset?)start), (entry.Claim.State, entry.SentAt));
        Assert.Equal(new ClaimReceipt(6, 61_234, 3_000_000_007), entry.Receipt);
    }

    [Theory]
    [InlineData(NotSentReason.AboveFeeCap)]
    [InlineData(NotSentReason.InsufficientFunds)]
    public async Task NotSent_ClaimFailed_RetriedInTheNextWindow(NotSentReason reason)
    {
        var start = Scheduler.Now;
        var (gate, submitter, _) = StartGate(Member(1));
        gate.Tell(new DutyDue(DissolveDuty(1_000), 1_000));
        var first = await submitter.ExpectMsgAsync<SubmitAction>();
        gate.Tell(new ActionNotSent(first.TaskKey, reason, "base fee 300 gwei above cap 200 gwei"), submitter.Ref);

        gate.Tell(Head(1_000 + W - 1));
        await submitter.ExpectMsgAsync<SubmitterHead>();
        await SettledAsync(gate);
        await submitter.ExpectNoMsgAsync(TimeSpan.Zero);
        Scheduler.Advance(TimeSpan.FromSeconds(W)); // the next window's head comes W seconds later
        gate.Tell(Head(1_000 + W));
        await submitter.ExpectMsgAsync<SubmitterHead>();
        await submitter.ExpectMsgAsync<SubmitAction>();

        var claims = await ClaimsAsync(first.TaskKey);
        Assert.Equal([ClaimState.Failed, ClaimState.Pending], claims.Select(c => c.State));
        Assert.Equal([start, start + TimeSpan.FromSeconds(W)], claims.Select(c => c.Created));
        Assert.Equal(start, claims[0].Updated);
    }

    [Fact]
    public async Task Disabled_EveryNodeSubmitsWithoutClaims()
    {
        var a = Member(1);
        var duty = DissolveDuty(1_000);
        var (gate, submitter, _) = StartGate(a, enabled: false);
        gate.Tell(new MembershipChanged([Member(2), Member(3)], true));

        gate.Tell(new DutyDue(duty, 1_000));

        await submitter.ExpectMsgAsync<SubmitAction>();
        Assert.Empty(await ClaimsAsync(duty.Key));
    }

    private sealed class FakeSimulator : ICallSimulator
    {
        public string? Revert { get; set; }

        public Exception? Failure { get; set; }

        /// <summary>When set, the revert reason for each call (null: it passes), instead of <see cref="Revert"/>.</summary>
        public Func<ContractCall, string?>? RevertOf { get; set; }

        public Task<string?> SimulateAsync(ContractCall call, Address from, ulong nextBlockTime, CancellationToken cancellationToken) =>
            Failure is { } failure ? Task.FromException<string?>(failure) : Task.FromResult(RevertOf is { } revertOf ? revertOf(call) : Revert);
    }
}
