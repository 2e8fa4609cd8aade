using Akka.Actor;
using Keeper.Actors.Tracking;
using Keeper.Chain.Proving;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Gate;

/// <content>
/// Proof duties: their calls carry beacon proofs that the contracts accept for an hour, so they are built off the
/// actor's thread for every due one at once, kept while they stay valid well past the next block, and rebuilt after.
/// </content>
public sealed partial class SubmissionGate
{
    private bool CanProve(Duty duty) => duty.Proof is not null && _options.Proofs is not null && _options.AllowList is not null;

    // The turns whose call can go out in the next block. A proof duty's built call goes out only while its validity
    // reaches well past the next block: a transaction still waiting when it lapses would revert. The others wait for
    // one build, started here, for all of them.
    private List<(GateTask Task, long Window)> WithFreshCalls(List<(GateTask Task, long Window)> turns, ulong nextBlockTime)
    {
        var ready = new List<(GateTask Task, long Window)>(turns.Count);
        var stale = new List<GateTask>();
        foreach (var turn in turns)
        {
            var task = turn.Task;
            if (task.Duty.Proof is null)
            {
                ready.Add(turn);
            }
            else if (IsFresh(task.Proven, nextBlockTime) && ProvesLateEnough(task))
            {
                task.Call = task.Proven!.Call;
                ready.Add(turn);
            }
            else
            {
                task.Call = null;
                stale.Add(task);
            }
        }

        StartBuild(stale, nextBlockTime);
        return ready;
    }

    // The contracts read the time from the proof's slot: a call proven before the slot its duty needs would do less than
    // the duty means (an exit report not yet late) or revert (a final balance too early), so it waits for a newer proof.
    private static bool ProvesLateEnough(GateTask task) => task.Proven is { } proven && proven.ProvenSlot >= task.Duty.Proof!.NotBeforeSlot;

    // A call built for a manager an upgrade replaced would be refused by the allow-list: it is built again for the new one.
    private bool IsFresh(ProvenCall? proven, ulong nextBlockTime) =>
        proven is not null && proven.ValidUntil >= nextBlockTime + _options.ProofFreshnessSeconds && proven.Call.To == _options.AllowList!.MegapoolManager;

    // One build at a time and at most one per block: a builder that can only offer calls about to lapse is asked again
    // at the next head, not in a loop.
    private void StartBuild(List<GateTask> stale, ulong nextBlockTime)
    {
        if (stale.Count == 0 || _building || nextBlockTime <= _lastBuildFor)
        {
            return;
        }

        _building = true;
        _lastBuildFor = nextBlockTime;
        var keys = stale.Select(t => t.Duty.Key).ToArray();
        var requests = stale.Select(t => t.Duty.Proof!).ToArray();
        BuildAsync(_options.AllowList!.MegapoolManager, requests, _headTime).PipeTo(
            Self,
            Self,
            calls => new ProofsBuilt(keys, requests, calls, nextBlockTime, null),
            ex => new ProofsBuilt(keys, requests, null, nextBlockTime, ex.GetBaseException().Message));
    }

    // Async, so a builder that throws before its first await still ends in a failed task rather than in this actor.
    private async Task<IReadOnlyList<ProvenCall>> BuildAsync(Address manager, ProofCallRequest[] requests, ulong headTime) =>
        await _options.Proofs!.BuildAsync(manager, requests, headTime, _stopping.Token);

    private async Task OnProofsBuiltAsync(ProofsBuilt m)
    {
        _building = false;
        var failure = m.Failure ?? (m.Calls!.Count != m.Requests.Count ? $"the builder returned {m.Calls.Count} calls for {m.Requests.Count} requests" : null);
        if (failure is not null)
        {
            // Retried at the next head; one line per cause, not one per block.
            if (failure != _lastProofFailure)
            {
                _lastProofFailure = failure;
                LogProofBuildFailed(Log, m.Keys.Count, failure);
            }

            return;
        }

        _lastProofFailure = null;
        for (var i = 0; i < m.Keys.Count; i++)
        {
            // A task cancelled meanwhile is gone; one whose proof inputs changed needs another build.
            if (_tasks.TryGetValue(m.Keys[i], out var task) && task.Duty.Proof == m.Requests[i])
            {
                task.Proven = m.Calls![i];
                if (!IsFresh(task.Proven, m.NextBlockTime))
                {
                    LogProofTooOld(Log, task.Duty.Key, task.Proven.ProvenSlot, task.Proven.ValidUntil, m.NextBlockTime);
                }
            }
        }

        if (_nextBlockTime is { } now)
        {
            await EvaluateAllAsync(now);
        }
    }

    private sealed record ProofsBuilt(IReadOnlyList<string> Keys, IReadOnlyList<ProofCallRequest> Requests, IReadOnlyList<ProvenCall>? Calls, ulong NextBlockTime, string? Failure);
}
