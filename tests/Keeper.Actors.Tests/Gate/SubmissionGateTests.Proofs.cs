using System.Collections.Concurrent;
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

/// <summary>Proof duties at the gate: calls built off the actor for all due ones at once, reused while fresh, never sent stale.</summary>
public sealed partial class SubmissionGateTests
{
    private const ulong T = 1_750_000_000;
    private static readonly Address Manager = Address.Parse("0x00000000000000000000000000000000000000ee");
    private static readonly Address ProofMegapool = Address.Parse("0x00000000000000000000000000000000000000a1");

    private (IActorRef Gate, TestProbe Submitter, FakeSimulator Simulator) StartProofGate(Address self, FakeProofBuilder builder, AllowList? allowList = null)
    {
        var submitter = CreateTestProbe("submitter");
        var simulator = new FakeSimulator();
        var options = new SubmissionGateOptions(self, self.ToLowerHex(), W, new SqlClaimStore(_store!), simulator, submitter.Ref, Proofs: builder, AllowList: allowList ?? new AllowList(Manager));
        var gate = Sys.ActorOf(SubmissionGate.Props(options), $"gate-{self.ToLowerHex()}");
        submitter.ExpectMsg<SubscribeOutcomes>(m => m.Subscriber.Equals(gate));
        return (gate, submitter, simulator);
    }

    // Heads reach the submitter too; the submissions are what these tests follow.
    private static async Task<SubmitAction> NextSubmitAsync(TestProbe submitter)
    {
        while (true)
        {
            var message = await submitter.ExpectMsgAsync<object>(hint: "a SubmitAction for a proof duty");
            if (message is SubmitAction submit)
            {
                return submit;
            }

            Assert.IsType<SubmitterHead>(message);
        }
    }

    private static Duty NotifyExitDuty(uint validatorId, ulong dueAt) =>
        new(TaskKeys.NotifyExit(ProofMegapool, validatorId), DutyKind.NotifyExit, ProofMegapool, validatorId, dueAt,
            Proof: new ProofCallRequest(ProofCallKind.NotifyExit, ProofMegapool, validatorId, 1_000 + validatorId));

    [Fact]
    public async Task ProofDuties_SeveralDueInOneBlock_OneBuildForAllAndEachSubmittedWithItsCall()
    {
        var builder = new FakeProofBuilder { SlotTimestamp = T - 24 };
        var (gate, submitter, _) = StartProofGate(Member(1), builder);
        var duties = new[] { NotifyExitDuty(1, T), NotifyExitDuty(2, T), NotifyExitDuty(3, T) };
        foreach (var duty in duties)
        {
            // Not due at this block: nothing is built until the head that makes them all due.
            gate.Tell(new DutyDue(duty, T - 12));
        }

        await SettledAsync(gate);
        Assert.Equal(0, builder.BuildCount);
        gate.Tell(Head(T));

        var sent = new[] { await NextSubmitAsync(submitter), await NextSubmitAsync(submitter), await NextSubmitAsync(submitter) };
        var build = Assert.Single(builder.Builds);
        Assert.Equal(duties.Select(d => d.Proof), build);
        Assert.Equal(duties.Select(d => d.Key).Order(StringComparer.Ordinal), sent.Select(s => s.TaskKey).Order(StringComparer.Ordinal));
        foreach (var s in sent)
        {
            var index = Array.FindIndex(duties, d => d.Key == s.TaskKey);
            Assert.Equal(FakeProofBuilder.CallOf(1, index), s.Call.Data);
            Assert.Equal(Manager, s.Call.To);
            Assert.Equal(T, s.NextBlockTime);
        }
    }

    [Fact]
    public async Task ProofDuty_SimulationRevertsThenPasses_RebuiltAtTheNextHeadAndOnlyTheNewerCallSent()
    {
        // The first call proves a state from before the record that made the duty due: it reverts however fresh it is.
        var builder = new FakeProofBuilder { SlotTimestamp = T - 24 };
        var (gate, submitter, simulator) = StartProofGate(Member(1), builder);
        var firstReverted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        simulator.RevertOf = call =>
        {
            if (!call.Data.SequenceEqual(FakeProofBuilder.CallOf(1, 0)))
            {
                return null;
            }

            firstReverted.TrySetResult();
            return "execution reverted: Validator is compliant";
        };

        gate.Tell(new DutyDue(NotifyExitDuty(1, T), T));
        await firstReverted.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await SettledAsync(gate);
        gate.Tell(Head(T + 12));

        var submit = await NextSubmitAsync(submitter);
        Assert.Equal(FakeProofBuilder.CallOf(2, 0), submit.Call.Data);
        Assert.Equal(T + 12, submit.NextBlockTime);
        await SettledAsync(gate);
        Assert.Equal(2, builder.BuildCount);
    }

    [Fact]
    public async Task ProofDuty_CallPasses_ReusedWhileFreshWithoutAnotherBuild()
    {
        var builder = new FakeProofBuilder { SlotTimestamp = T - 24 };
        var (gate, submitter, simulator) = StartProofGate(Member(1), builder);
        simulator.Revert = null;

        gate.Tell(new DutyDue(NotifyExitDuty(1, T), T));
        var first = await NextSubmitAsync(submitter);
        // Not sent (the fee cap): the next window's turn simulates the same call again, and it still passes.
        gate.Tell(new ActionNotSent(first.TaskKey, NotSentReason.AboveFeeCap, "above the fee cap"));
        await SettledAsync(gate);
        gate.Tell(Head(T + W));

        var second = await NextSubmitAsync(submitter);
        Assert.Equal(FakeProofBuilder.CallOf(1, 0), second.Call.Data);
        await SettledAsync(gate);
        Assert.Equal(1, builder.BuildCount);
    }

    [Fact]
    public async Task ProofDuty_ManagerUpgradedWhileACallWaits_BuiltAgainForTheNewManager()
    {
        var upgraded = Address.Parse("0x00000000000000000000000000000000000000ef");
        var allowList = new AllowList(Manager);
        var builder = new FakeProofBuilder { SlotTimestamp = T - 24 };
        var (gate, submitter, simulator) = StartProofGate(Member(1), builder, allowList);
        simulator.Revert = "execution reverted: not yet";

        gate.Tell(new DutyDue(NotifyExitDuty(1, T), T));
        await AwaitAssertAsync(() => Assert.Equal(1, builder.BuildCount), TimeSpan.FromSeconds(20));
        await SettledAsync(gate);
        // The call built for the old manager is still fresh, but the allow-list now names the new one.
        allowList.UseMegapoolManager(upgraded);
        simulator.Revert = null;
        gate.Tell(Head(T + 12));

        var submit = await NextSubmitAsync(submitter);
        Assert.Equal(upgraded, submit.Call.To);
        Assert.Equal(FakeProofBuilder.CallOf(2, 0), submit.Call.Data);
        Assert.Equal(2, builder.BuildCount);
    }

    [Fact]
    public async Task ProofDuty_CallWouldAgePastTheHourRule_RebuiltAndOnlyTheNewOneSent()
    {
        var builder = new FakeProofBuilder { SlotTimestamp = T - 12 };
        var (gate, submitter, simulator) = StartProofGate(Member(1), builder);
        simulator.Revert = "execution reverted: not yet";
        gate.Tell(new DutyDue(NotifyExitDuty(1, T), T));
        await AwaitAssertAsync(() => Assert.Equal(1, builder.BuildCount), TimeSpan.FromSeconds(20));
        await SettledAsync(gate);

        // Valid until T + 3588: at T + 3000 less than the ten minutes of margin is left, so the call is built again.
        simulator.Revert = null;
        builder.SlotTimestamp = T + 3000 - 12;
        gate.Tell(Head(T + 3000));

        var submit = await NextSubmitAsync(submitter);
        Assert.Equal(2, builder.BuildCount);
        Assert.Equal(FakeProofBuilder.CallOf(2, 0), submit.Call.Data);
        Assert.Equal(T + 3000, submit.NextBlockTime);
    }

    [Fact]
    public async Task ProofDuty_BuilderOffersOnlyAStaleCall_NothingSentUntilAFreshOne()
    {
        // Valid until T + 500 only: a transaction waiting in the mempool would outlive it.
        var builder = new FakeProofBuilder { SlotTimestamp = T + 500 - 3600 };
        var (gate, submitter, _) = StartProofGate(Member(1), builder);

        gate.Tell(new DutyDue(NotifyExitDuty(1, T), T));
        await AwaitAssertAsync(() => Assert.Equal(1, builder.BuildCount), TimeSpan.FromSeconds(20));
        await SettledAsync(gate);
        builder.SlotTimestamp = T + 12 - 12;
        gate.Tell(Head(T + 12));

        // The first call the submitter ever gets is the second build's.
        var submit = await NextSubmitAsync(submitter);
        Assert.Equal(FakeProofBuilder.CallOf(2, 0), submit.Call.Data);
        Assert.Equal(2, builder.BuildCount);
    }

    [Fact]
    public async Task ProofDuty_BuilderFailsThenSucceeds_GateSurvivesAndSubmitsAtTheNextHead()
    {
        var builder = new FakeProofBuilder { SlotTimestamp = T, Failure = new InvalidOperationException("beacon node unreachable") };
        var (gate, submitter, _) = StartProofGate(Member(1), builder);

        gate.Tell(new DutyDue(NotifyExitDuty(1, T), T));
        await AwaitAssertAsync(() => Assert.Equal(1, builder.BuildCount), TimeSpan.FromSeconds(20));
        var status = await SettledAsync(gate);
        Assert.Equal(TaskKeys.NotifyExit(ProofMegapool, 1), Assert.Single(status.Tasks).TaskKey);
        builder.Failure = null;
        gate.Tell(Head(T + 12));

        var submit = await NextSubmitAsync(submitter);
        Assert.Equal(FakeProofBuilder.CallOf(2, 0), submit.Call.Data);
    }

    [Fact]
    public async Task ProofDuty_BuildStillRunningAtTheNextHead_NoSecondBuild()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = new FakeProofBuilder { SlotTimestamp = T + 24, Hold = release.Task };
        var (gate, submitter, _) = StartProofGate(Member(1), builder);

        gate.Tell(new DutyDue(NotifyExitDuty(1, T), T));
        gate.Tell(Head(T + 12));
        gate.Tell(Head(T + 24));
        await SettledAsync(gate);
        Assert.Equal(1, builder.BuildCount);
        release.SetResult();

        var submit = await NextSubmitAsync(submitter);
        Assert.Equal(FakeProofBuilder.CallOf(1, 0), submit.Call.Data);
        Assert.Equal(T + 24, submit.NextBlockTime);
        Assert.Equal(1, builder.BuildCount);
    }

    [Fact]
    public async Task ProofDuty_ProvenBeforeTheSlotItNeeds_HeldAndSentOnlyWithTheNewerProof()
    {
        // The fake proves slot 1 on its first build and slot 2 on its second; the duty needs a proof of slot 2 or later
        // (an exit report is late, a final balance allowed, by the proof's slot).
        var builder = new FakeProofBuilder { SlotTimestamp = T };
        var (gate, submitter, _) = StartProofGate(Member(1), builder);
        var duty = NotifyExitDuty(1, T) with { Proof = NotifyExitDuty(1, T).Proof! with { NotBeforeSlot = 2 } };

        gate.Tell(new DutyDue(duty, T));
        await AwaitAssertAsync(() => Assert.Equal(1, builder.BuildCount), TimeSpan.FromSeconds(20));
        await SettledAsync(gate);
        Assert.False(submitter.HasMessages && submitter.ReceiveWhile(TimeSpan.Zero, m => m).OfType<SubmitAction>().Any(), "A call proven at slot 1 was sent for a duty that needs slot 2.");
        gate.Tell(Head(T + 12));

        var submit = await NextSubmitAsync(submitter);
        Assert.Equal(FakeProofBuilder.CallOf(2, 0), submit.Call.Data);
        Assert.Equal(2, builder.BuildCount);
    }

    [Fact]
    public async Task ProofDuty_NoBuilderConfigured_TrackedButNotActedOn()
    {
        var (gate, submitter, _) = StartGate(Member(1));

        gate.Tell(new DutyDue(NotifyExitDuty(1, T), T));

        Assert.Empty((await SettledAsync(gate)).Tasks);
        Assert.False(submitter.HasMessages);
    }

    /// <summary>Builds numbered calls (build number and request position in the data) valid from <see cref="SlotTimestamp"/>.</summary>
    private sealed class FakeProofBuilder : IProofCallBuilder
    {
        private int _builds;

        public ulong SlotTimestamp { get; set; }

        public Exception? Failure { get; set; }

        public Task? Hold { get; set; }

        public ConcurrentQueue<IReadOnlyList<ProofCallRequest>> Builds { get; } = new();

        public int BuildCount => Volatile.Read(ref _builds);

        public static byte[] CallOf(int build, int position) => [0x10, 0x20, 0x30, 0x40, (byte)build, (byte)position];

        public async Task<IReadOnlyList<ProvenCall>> BuildAsync(Address manager, IReadOnlyList<ProofCallRequest> requests, ulong executionHeadTime, CancellationToken cancellationToken)
        {
            // Read on the caller's thread, before any await, as the gate starts the build.
            var build = Interlocked.Increment(ref _builds);
            var slotTimestamp = SlotTimestamp;
            var failure = Failure;
            var hold = Hold;
            Builds.Enqueue(requests.ToArray());
            if (hold is not null)
            {
                await hold;
            }

            if (failure is not null)
            {
                throw failure;
            }

            return requests.Select((r, i) => new ProvenCall(new ContractCall(manager, CallOf(build, i), $"{r.Kind} {r.ValidatorId}"), (ulong)build, slotTimestamp)).ToArray();
        }

        public Task<WithdrawalLocation?> FindFinalWithdrawalAsync(ulong validatorIndex, ulong fromSlot, CancellationToken cancellationToken) =>
            Task.FromResult<WithdrawalLocation?>(null);
    }
}
