using Akka.Actor;
using Keeper.Actors.Gate;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;
using Xunit;

namespace Keeper.Actors.Tests.Gate;

/// <content>
/// The reorg fence: a successful action's claim keeps the task for its member until that member's submitter stops
/// watching the transaction for a reorg, because a node that keeps a reorged transaction in its mempool may mine it again.
/// </content>
public sealed partial class SubmissionGateTests
{
    private static readonly Hash32 MinedTx = new(Enumerable.Repeat((byte)0x5a, Hash32.Size).ToArray());

    private static ChainTimeAdvanced Head(ulong number, ulong nextBlockTime) => new(new BlockRef(number, Hash32.Zero, nextBlockTime - 12), nextBlockTime);

    // Another member's action for the duty, mined and fenced until block 70, as that member's gate records it.
    private async Task<Claim> FencedClaimOfAsync(string member, Duty duty)
    {
        var claims = new SqlClaimStore(_store!);
        var now = Scheduler.Now;
        await claims.TryClaimAsync(new Claim(duty.Key, 0, member, null, ClaimState.Pending, now, now), head: 0, CancellationToken.None);
        return await claims.UpdateAsync(duty.Key, 0, member, ClaimState.Mined, MinedTx, 70, now, CancellationToken.None);
    }

    [Theory]
    [InlineData(true, 70UL)]
    [InlineData(false, null)]
    public async Task ActionMined_ClaimFencedUntilTheSubmittersReorgWatchEnds_OnlyWhenItSucceeded(bool succeeded, ulong? fence)
    {
        var (gate, submitter, _) = StartGate(Member(1));
        gate.Tell(new DutyDue(DissolveDuty(1_000), 1_000));
        var submit = await submitter.ExpectMsgAsync<SubmitAction>();
        gate.Tell(new ActionSent(submit.TaskKey, MinedTx, 0), submitter.Ref);

        gate.Tell(new ActionMined(submit.TaskKey, MinedTx, 6, succeeded, 50_000, 1, ReorgWatchUntil: 70), submitter.Ref);

        await SettledAsync(gate);
        var claim = Assert.Single(await ClaimsAsync(submit.TaskKey));
        Assert.Equal((ClaimState.Mined, MinedTx, fence), (claim.State, claim.TxHash, claim.FenceUntil));
    }

    [Fact]
    public async Task DueAgainAfterAReorg_AnotherMembersFencedClaim_HolderSendsNothingUntilItsHeadPassesTheFence()
    {
        var self = Member(2);
        var duty = DissolveDuty(1_000);
        var theirs = await FencedClaimOfAsync("keeper-a", duty);
        var (gate, submitter, _) = StartGate(self);
        // The fence does not ask whether its member lives: the node, not the member, keeps the transaction in its mempool.
        gate.Tell(new MembershipChanged([], true, new HashSet<string>(StringComparer.Ordinal) { self.ToLowerHex() }));

        gate.Tell(new DutyDue(duty, 1_000));
        gate.Tell(Head(69, 1_000 + W));
        await submitter.ExpectMsgAsync<SubmitterHead>();
        Scheduler.Advance(TimeSpan.FromSeconds(W));
        gate.Tell(Head(70, 1_000 + (2 * W)));
        await submitter.ExpectMsgAsync<SubmitterHead>();
        var fenced = await SettledAsync(gate);
        await submitter.ExpectNoMsgAsync(TimeSpan.Zero);
        Assert.Equal("waiting", Assert.Single(fenced.Tasks).State);
        Assert.Equal([theirs], await ClaimsAsync(duty.Key));

        gate.Tell(Head(71, 1_000 + (2 * W) + 12));
        await submitter.ExpectMsgAsync<SubmitterHead>();
        var submit = await submitter.ExpectMsgAsync<SubmitAction>();

        Assert.Equal(duty.Key, submit.TaskKey);
        var claims = await ClaimsAsync(duty.Key);
        Assert.Equal([theirs with { FenceUntil = null }, new Claim(duty.Key, 2, self.ToLowerHex(), null, ClaimState.Pending, Scheduler.Now, Scheduler.Now)], claims);
    }

    [Fact]
    public async Task DueAgainAfterAReorg_OwnFencedClaim_NoSecondClaim_AndTheSameTransactionMinedLaterMovesTheFence()
    {
        var self = Member(3);
        var duty = DissolveDuty(1_000);
        var mine = await FencedClaimOfAsync(self.ToLowerHex(), duty);
        var (gate, submitter, _) = StartGate(self);

        // The pool re-read after a reorg says due again; this member's submitter, which sees the reorg itself, acts.
        gate.Tell(new DutyDue(duty, 1_000));
        gate.Tell(Head(60, 1_000 + W));
        await submitter.ExpectMsgAsync<SubmitterHead>();
        await SettledAsync(gate);
        await submitter.ExpectNoMsgAsync(TimeSpan.Zero);
        Assert.Equal([mine], await ClaimsAsync(duty.Key));

        // The node mined the same transaction again, two blocks later: the submitter watches it from there.
        gate.Tell(new ActionMined(duty.Key, MinedTx, 8, true, 50_000, 1, ReorgWatchUntil: 72), submitter.Ref);
        await SettledAsync(gate);

        Assert.Equal([mine with { FenceUntil = 72, Updated = Scheduler.Now }], await ClaimsAsync(duty.Key));
    }
}
