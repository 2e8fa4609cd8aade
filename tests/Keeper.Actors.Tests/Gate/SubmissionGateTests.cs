using Keeper.Actors.Gate;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.TestKit;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;
using Xunit;

namespace Keeper.Actors.Tests.Gate;

public sealed class SubmissionGateTests : ActorTestKit
{
    private const ulong W = 24;
    private static readonly Address Minipool = Address.Parse("0x00000000000000000000000000000000000000aa");
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"keeper-gate-{Guid.NewGuid():N}.db");
    private SqliteStore? _store;

    private static Address Member(byte b)
    {
        var bytes = new byte[20];
        bytes[19] = b;
        return new Address(bytes);
    }

    public override async Task InitializeAsync() => _store = await SqliteStore.OpenAsync(new SqliteStoreOptions(_path), Clock, null, CancellationToken.None);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _store!.DisposeAsync();
        File.Delete(_path);
    }

    private (Keeper.Actors.Runtime.IActorRef Gate, TestProbe Submitter, FakeSimulator Simulator) StartGate(Address self, bool enabled = true)
    {
        var submitter = CreateTestProbe("submitter");
        var simulator = new FakeSimulator();
        var gate = Sys.ActorOf(SubmissionGate.Props(new SubmissionGateOptions(self, self.ToLowerHex(), W, new SqlClaimStore(_store!), simulator, submitter.Ref, enabled)), $"gate-{self.ToLowerHex()}");
        return (gate, submitter, simulator);
    }

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
        var claim = Assert.Single(await new SqlClaimStore(_store!).GetAsync(submit.TaskKey, CancellationToken.None));
        Assert.Equal(0, claim.Window);
        Assert.Equal(ClaimState.Pending, claim.State);
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
        await submitter.ExpectNoMsgAsync();

        gate.Tell(Head(1_000 + W));
        await submitter.ExpectMsgAsync<SubmitterHead>();
        var submit = await submitter.ExpectMsgAsync<SubmitAction>();
        Assert.Equal(duty.Key, submit.TaskKey);
        Assert.Equal(1, Assert.Single(await new SqlClaimStore(_store!).GetAsync(duty.Key, CancellationToken.None)).Window);
    }

    [Fact]
    public async Task StoreUnreachable_NothingSubmitted()
    {
        var (gate, submitter, _) = StartGate(Member(1));
        gate.Tell(new MembershipChanged([], StoreReachable: false));

        gate.Tell(new DutyDue(DissolveDuty(1_000), 1_000));
        gate.Tell(Head(1_100));

        await submitter.ExpectMsgAsync<SubmitterHead>();
        await submitter.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task SimulationReverts_NothingClaimedOrSubmitted()
    {
        var (gate, submitter, simulator) = StartGate(Member(1));
        simulator.Revert = "The minipool can only be dissolved while in prelaunch";

        gate.Tell(new DutyDue(DissolveDuty(1_000), 1_000));

        await submitter.ExpectNoMsgAsync();
        Assert.Empty(await new SqlClaimStore(_store!).GetAsync(DissolveDuty(1_000).Key, CancellationToken.None));
    }

    [Fact]
    public async Task CancelledWhileInFlight_SubmitterAbandonsAndClaimIsAbandoned()
    {
        var (gate, submitter, _) = StartGate(Member(1));
        gate.Tell(new DutyDue(DissolveDuty(1_000), 1_000));
        var submit = await submitter.ExpectMsgAsync<SubmitAction>();
        gate.Tell(new ActionSent(submit.TaskKey, Hash32.Zero, 0), submitter.Ref);

        gate.Tell(new DutyCancelled(submit.TaskKey, "done by another keeper"));

        await submitter.ExpectMsgAsync<AbandonAction>();
        gate.Tell(new ActionCancelled(submit.TaskKey, Hash32.Zero, 5), submitter.Ref);
        await QuiesceAsync();
        Assert.Equal(ClaimState.Abandoned, Assert.Single(await new SqlClaimStore(_store!).GetAsync(submit.TaskKey, CancellationToken.None)).State);
    }

    [Fact]
    public async Task NotSent_ClaimFailed_RetriedInTheNextWindow()
    {
        var (gate, submitter, _) = StartGate(Member(1));
        gate.Tell(new DutyDue(DissolveDuty(1_000), 1_000));
        var first = await submitter.ExpectMsgAsync<SubmitAction>();
        gate.Tell(new ActionNotSent(first.TaskKey, NotSentReason.AboveFeeCap, "base fee 300 gwei above cap 200 gwei"), submitter.Ref);

        gate.Tell(Head(1_000 + W - 1));
        await submitter.ExpectMsgAsync<SubmitterHead>();
        await submitter.ExpectNoMsgAsync();
        gate.Tell(Head(1_000 + W));
        await submitter.ExpectMsgAsync<SubmitterHead>();
        await submitter.ExpectMsgAsync<SubmitAction>();

        var claims = await new SqlClaimStore(_store!).GetAsync(first.TaskKey, CancellationToken.None);
        Assert.Equal([ClaimState.Failed, ClaimState.Pending], claims.Select(c => c.State));
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
        Assert.Empty(await new SqlClaimStore(_store!).GetAsync(duty.Key, CancellationToken.None));
    }

    private sealed class FakeSimulator : ICallSimulator
    {
        public string? Revert { get; set; }

        public Task<string?> SimulateAsync(ContractCall call, Address from, ulong nextBlockTime, CancellationToken cancellationToken) => Task.FromResult(Revert);
    }
}
