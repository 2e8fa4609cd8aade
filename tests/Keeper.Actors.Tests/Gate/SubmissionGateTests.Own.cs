using Akka.Actor;
using Akka.TestKit;
using Keeper.Actors.Gate;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Proving;
using Xunit;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tests.Gate;

/// <content>Own duties (keeper.own): acted on in every window by the operator's node, fenced by the same claims as the late duty.</content>
public sealed partial class SubmissionGateTests
{
    // The operator's own report: due at once, proven no older than slot 1 (the fake builder's first build proves slot 1).
    private static Duty OwnNotifyExitDuty(uint validatorId) => NotifyExitDuty(validatorId, 0) with
    {
        Own = true,
        Proof = new ProofCallRequest(ProofCallKind.NotifyExit, ProofMegapool, validatorId, 1_000 + validatorId, NotBeforeSlot: 1),
    };

    private (IActorRef Gate, TestProbe Submitter, CountingSimulator Simulator) StartOwnGate(Address self, string name)
    {
        var submitter = CreateTestProbe($"submitter-{name}");
        var simulator = new CountingSimulator();
        var options = new SubmissionGateOptions(self, self.ToLowerHex(), W, new SqlClaimStore(_store!), simulator, submitter.Ref,
            Proofs: new FakeProofBuilder { SlotTimestamp = T - 24 }, AllowList: new AllowList(Manager));
        var gate = Sys.ActorOf(SubmissionGate.Props(options), $"gate-{name}");
        submitter.ExpectMsg<SubscribeOutcomes>(m => m.Subscriber.Equals(gate));
        return (gate, submitter, simulator);
    }

    [Fact]
    public async Task OwnDuty_NotThisNodesRoundRobinTurn_SubmittedAtOnceAnyway()
    {
        var (a, b) = (Member(1), Member(2));
        var duty = OwnNotifyExitDuty(4);
        var window = GateMath.Window(duty.DueAt, T, W);
        var turnHolder = GateMath.Holder(GateMath.Seed(duty.Key), window, [a, b]);
        var self = turnHolder == a ? b : a;
        var (gate, submitter, _) = StartOwnGate(self, "own");
        gate.Tell(new MembershipChanged([a, b], true));

        gate.Tell(new DutyDue(duty, T));
        gate.Tell(Head(T));

        var submit = await NextSubmitAsync(submitter);
        Assert.Equal(duty.Key, submit.TaskKey);
        Assert.Equal(Manager, submit.Call.To);
        var claim = Assert.Single(await ClaimsAsync(duty.Key));
        Assert.Equal((window, ClaimState.Pending, self.ToLowerHex()), (claim.Window, claim.State, claim.MemberId));
        Assert.Equal(self, Assert.Single((await SettledAsync(gate)).Tasks).Holder);
    }

    [Fact]
    public async Task OwnAndLateDutyDueInTheSameBlock_OnlyOneMemberSends()
    {
        // A devnet jump of days: the owner's early report and another member's late turn fall in one block.
        var (owner, other) = (Member(1), Member(2));
        var late = NotifyExitDuty(4, T);
        var lateHolder = GateMath.Holder(GateMath.Seed(late.Key), 0, [owner, other]);
        var (lateGate, lateSubmitter, _) = StartOwnGate(other, "late");
        var (ownGate, ownSubmitter, ownSimulator) = StartOwnGate(owner, "owner");
        // The other member holds the late duty's first window: both would send without the claim store's fence.
        lateGate.Tell(new MembershipChanged([owner, other], true));
        ownGate.Tell(new MembershipChanged([owner, other], true));
        var lateTurn = lateHolder == other ? T : T + W;

        lateGate.Tell(new DutyDue(late, lateTurn));
        lateGate.Tell(Head(lateTurn));
        var sent = await NextSubmitAsync(lateSubmitter);
        ownGate.Tell(new DutyDue(OwnNotifyExitDuty(4), lateTurn));
        ownGate.Tell(Head(lateTurn));
        // The owner built, simulated and tried to claim in one handler: once it answers after its simulation, it is done.
        await ownSimulator.Simulated.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await SettledAsync(ownGate);

        Assert.Equal(late.Key, sent.TaskKey);
        await ownSubmitter.ExpectMsgAsync<SubmitterHead>();
        await ownSubmitter.ExpectNoMsgAsync(TimeSpan.Zero);
        var claim = Assert.Single(await ClaimsAsync(late.Key));
        Assert.Equal((ClaimState.Pending, other.ToLowerHex()), (claim.State, claim.MemberId));
    }

    private sealed class CountingSimulator : ICallSimulator
    {
        public TaskCompletionSource Simulated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string?> SimulateAsync(ContractCall call, Address from, ulong nextBlockTime, CancellationToken cancellationToken)
        {
            Simulated.TrySetResult();
            return Task.FromResult<string?>(null);
        }
    }
}
