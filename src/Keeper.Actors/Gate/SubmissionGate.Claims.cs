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
                turns.Select(t => new Claim(t.Task.Duty.Key, t.Window, _options.MemberId, null, ClaimState.Pending, now, now)).ToArray(), CancellationToken.None);
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
            result = await _options.Claims.TryClaimAsync(new Claim(task.Duty.Key, window, _options.MemberId, null, ClaimState.Pending, now, now), CancellationToken.None);
        }
        catch (StoreException ex)
        {
            // Whether the claim was stored is unknown: send nothing now; a retry in this window finds our claim if it was.
            LogClaimFailed(Log, task.Duty.Key, window, ex.Message);
            return;
        }

        await HandleClaimAsync(task, window, nextBlockTime, result);
    }

    private async Task UpdateClaimAsync(GateTask task, long window, ClaimState state, Hash32? hash)
    {
        if (!_options.Enabled)
        {
            return;
        }

        try
        {
            await _options.Claims.UpdateAsync(task.Duty.Key, window, _options.MemberId, state, hash, Context.System.Scheduler.Now, CancellationToken.None);
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
            _options.Submitter.Tell(new SubmitAction(task.Duty.Key, task.Call, nextBlockTime, task.Duty.Reward), Self);
        }
        else if (result.Outcome == ClaimOutcome.WindowTaken)
        {
            task.LastAttemptedWindow = window;
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
    // reorg re-opened its claim. Its claim is this member's open one; close it, so the task does not stay blocked.
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
            var open = (await _options.Claims.GetAsync(outcome.TaskKey, CancellationToken.None))
                .FirstOrDefault(c => c.State == ClaimState.Pending && string.Equals(c.MemberId, _options.MemberId, StringComparison.Ordinal));
            if (open is not null)
            {
                var hash = outcome switch { ActionMined m => m.Hash, ActionCancelled c => c.Hash, _ => (Hash32?)null };
                await _options.Claims.UpdateAsync(outcome.TaskKey, open.Window, _options.MemberId, newState, hash, Context.System.Scheduler.Now, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is StoreException or ClaimUpdateException)
        {
            LogClaimUpdateFailed(Log, outcome.TaskKey, -1, newState.ToString(), ex.Message);
        }
    }
}
