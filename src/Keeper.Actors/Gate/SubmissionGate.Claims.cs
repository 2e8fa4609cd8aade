using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Persistence;
using Keeper.Actors.Submission;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Gate;

/// <content>Claiming windows in the shared store.</content>
public sealed partial class SubmissionGate
{
    // All of this head's claims in one store transaction: with many actions due in one block, each one's own
    // transaction (and fsync) would push the last of them past the block.
    private async Task ClaimAllAndSubmitAsync(IReadOnlyList<(GateTask Task, long Window)> turns, ulong nextBlockTime)
    {
        var now = Context.System.Scheduler.Now;
        IReadOnlyList<ClaimResult> results;
        try
        {
            results = await _options.Claims.TryClaimAllAsync(
                turns.Select(t => new Claim(t.Task.Duty.Key, t.Window, _options.MemberId, null, ClaimState.Pending, now, now)).ToArray(), _head, CancellationToken.None);
        }
        catch (StoreException ex)
        {
            LogClaimFailed(Log, turns[0].Task.Duty.Key, turns[0].Window, ex.Message);
            return;
        }

        for (var i = 0; i < turns.Count; i++)
        {
            await HandleClaimAsync(turns[i].Task, turns[i].Window, nextBlockTime, results[i]);
        }
    }

    private async Task ClaimAndSubmitAsync(GateTask task, long window, ulong nextBlockTime)
    {
        var now = Context.System.Scheduler.Now;
        ClaimResult result;
        try
        {
            result = await _options.Claims.TryClaimAsync(new Claim(task.Duty.Key, window, _options.MemberId, null, ClaimState.Pending, now, now), _head, CancellationToken.None);
        }
        catch (StoreException ex)
        {
            // Whether the claim was stored is unknown: send nothing now; a retry in this window finds our claim if it was.
            LogClaimFailed(Log, task.Duty.Key, window, ex.Message);
            return;
        }

        await HandleClaimAsync(task, window, nextBlockTime, result);
    }

    // A successful transaction fences its task until the submitter stops watching it for a reorg; a reverted one did not
    // do the action, so the next holder may try.
    private static ulong? Fence(ActionMined mined) => mined.Succeeded ? mined.ReorgWatchUntil : null;

    // What the cluster's history keeps of a mined transaction (the action, or the self-transfer that cancelled it).
    private static ClaimReceipt? Receipt(ActionOutcome outcome) => outcome switch
    {
        ActionMined m => new ClaimReceipt(m.Block, m.GasUsed, m.EffectiveGasPrice),
        ActionCancelled { GasUsed: > 0 } c => new ClaimReceipt(c.Block, c.GasUsed, c.EffectiveGasPrice),
        _ => null,
    };

    private async Task UpdateClaimAsync(GateTask task, long window, ClaimState state, Hash32? hash, ulong? fenceUntil, ClaimReceipt? receipt = null)
    {
        if (!_options.Enabled)
        {
            return;
        }

        try
        {
            await _options.Claims.UpdateAsync(task.Duty.Key, window, _options.MemberId, state, hash, fenceUntil, receipt, Context.System.Scheduler.Now, CancellationToken.None);
        }
        catch (Exception ex) when (ex is StoreException or ClaimUpdateException)
        {
            LogClaimUpdateFailed(Log, task.Duty.Key, window, state.ToString(), ex.Message);
        }
    }

    private async Task HandleClaimAsync(GateTask task, long window, ulong nextBlockTime, ClaimResult result)
    {
        if (result.Outcome == ClaimOutcome.PendingElsewhere && await TakeOverStaleAsync(result.Claim, nextBlockTime))
        {
            await ClaimAndSubmitAsync(task, window, nextBlockTime);
            return;
        }

        var mine = result.Claim.MemberId == _options.MemberId && result.Claim.State == ClaimState.Pending;
        if (result.IsClaimed || mine)
        {
            _claimed += result.IsClaimed ? 1 : 0;
            task.LastAttemptedWindow = Math.Max(window, result.Claim.Window);
            task.InFlightWindow = result.Claim.Window;
            LogClaimed(Log, task.Duty.Key, result.Claim.Window, nextBlockTime);
            _options.Submitter.Tell(new SubmitAction(task.Duty.Key, task.Call!, nextBlockTime, task.Duty.Reward), Self);
        }
        else if (result.Outcome == ClaimOutcome.WindowTaken)
        {
            task.LastAttemptedWindow = window;
        }
        else if (result.Outcome == ClaimOutcome.ReorgFenced)
        {
            // Due again, yet a mined transaction for it is still inside its member's reorg watch: the task looks due most
            // likely because a reorg undid that transaction, which the node may mine again from its mempool. Only that
            // member acts (its submitter re-opens the claim); this one asks again on the next head.
            LogReorgFenced(Log, task.Duty.Key, window, result.Claim.MemberId, result.Claim.Window, result.Claim.FenceUntil ?? 0, _head);
        }
    }

    // A pending claim blocks everyone else, which is right while its holder lives (its transaction may land). A holder
    // that left the cluster will never finish it: once that claim's window is over, the current holder abandons it.
    private async Task<bool> TakeOverStaleAsync(Claim blocking, ulong nextBlockTime)
    {
        if (blocking.MemberId == _options.MemberId || _liveMemberIds is null || _liveMemberIds.Contains(blocking.MemberId)
            || !_tasks.TryGetValue(blocking.TaskKey, out var task)
            || nextBlockTime < GateMath.WindowEnd(task.Duty.DueAt, blocking.Window, _options.WindowSeconds))
        {
            return false;
        }

        try
        {
            var taken = await _options.Claims.AbandonStaleAsync(blocking, Context.System.Scheduler.Now, CancellationToken.None);
            LogTakeOver(Log, blocking.TaskKey, blocking.Window, blocking.MemberId);
            return taken;
        }
        catch (StoreException ex)
        {
            LogClaimFailed(Log, blocking.TaskKey, blocking.Window, ex.Message);
            return false;
        }
    }

    // An outcome for a task this gate no longer follows: a transaction resumed after a restart, or sent again after a
    // reorg re-opened its claim. Its claim is this member's open one; close it, so the task does not stay blocked. A
    // transaction that a reorg moved to a later block without re-opening its claim (the node mined it again from its
    // mempool) moves its claim's fence along, as its submitter now watches it from there.
    private async Task CloseUntrackedClaimAsync(ActionOutcome outcome)
    {
        var state = outcome switch
        {
            ActionMined => ClaimState.Mined,
            ActionCancelled => ClaimState.Abandoned,
            ActionDropped => ClaimState.Failed,
            _ => (ClaimState?)null,
        };
        if (!_options.Enabled || state is not { } newState)
        {
            return;
        }

        try
        {
            var hash = outcome switch { ActionMined m => m.Hash, ActionCancelled c => c.Hash, _ => (Hash32?)null };
            var fence = outcome is ActionMined mined ? Fence(mined) : null;
            var own = (await _options.Claims.GetAsync(outcome.TaskKey, CancellationToken.None))
                .Where(c => string.Equals(c.MemberId, _options.MemberId, StringComparison.Ordinal)).ToArray();
            var open = own.FirstOrDefault(c => c.State == ClaimState.Pending)
                ?? (fence is not null ? own.FirstOrDefault(c => c.State == ClaimState.Mined && c.TxHash == hash && c.FenceUntil is not null) : null);
            if (open is not null)
            {
                await _options.Claims.UpdateAsync(outcome.TaskKey, open.Window, _options.MemberId, newState, hash, fence, Receipt(outcome), Context.System.Scheduler.Now, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is StoreException or ClaimUpdateException)
        {
            LogClaimUpdateFailed(Log, outcome.TaskKey, -1, newState.ToString(), ex.Message);
        }
    }
}
