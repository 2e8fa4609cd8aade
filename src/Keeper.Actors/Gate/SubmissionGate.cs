using Keeper.Actors.Gate.Claims;
using Akka.Actor;
using Keeper.Actors.Logging;
using Microsoft.Extensions.Logging;
using Keeper.Actors.Scheduling;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Proving;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Gate;

/// <summary>
/// Decides which keeper of the cluster submits each due action, so keepers never race: on every head it computes each
/// due task's window and holder (<see cref="GateMath"/>); only the holder simulates the call at the next block's time,
/// claims the window in the shared store (which allows one claim per window and one blocking claim per task) and hands
/// the action to its submitter. A task not done by the end of its holder's window passes to the next member.
/// </summary>
/// <remarks>
/// A claim blocks the task from claimed until its transaction is final (the submitter reports <see cref="ActionMined"/>
/// only with the configured confirmations), and a successful one keeps blocking until the submitter stops watching it
/// for a reorg (<see cref="ActionMined.ReorgWatchUntil"/>, in blocks, against the claimer's head). A node that puts a
/// reorged transaction back in its mempool may mine it again at any moment, so no other member may send for the task
/// meanwhile; only this member acts, by re-opening its claim when its submitter sees the reorg.
/// </remarks>
public sealed partial class SubmissionGate : ReceiveActor, IDisposable
{
    private ILogger? _log;
    private readonly SubmissionGateOptions _options;
    private readonly Dictionary<string, GateTask> _tasks = new(StringComparer.Ordinal);
    private IReadOnlyList<Address> _members;
    private IReadOnlySet<string>? _liveMemberIds;
    private bool _storeReachable;
    private bool _selfUp = true;
    private bool _evaluationQueued;
    private ulong? _nextBlockTime;
    private ulong _head;
    // The head at which simulations started failing, while they fail: one warning then, one line when they answer again.
    private ulong? _simulationsFailingSince;
    private ulong _headTime;
    private long _turns;
    private long _claimed;
    private long _succeeded;
    private readonly Dictionary<string, long> _notSent = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private bool _building;
    private ulong _lastBuildFor;
    private string? _lastProofFailure;

    private ILogger Log => _log ??= KeeperLogging.Of<SubmissionGate>(Context);

    /// <summary>Creates the gate; alone until told otherwise by <see cref="MembershipChanged"/>.</summary>
    public SubmissionGate(SubmissionGateOptions options)
    {
        _options = options;
        _members = [options.Self];
        _storeReachable = !options.WaitForMembership;
        Receive<DutyDue>(OnDue);
        ReceiveAsync<EvaluateDue>(_ => OnEvaluateDueAsync());
        Receive<DutyCancelled>(OnCancelled);
        ReceiveAsync<ChainTimeAdvanced>(OnChainTimeAsync);
        Receive<MembershipChanged>(OnMembership);
        ReceiveAsync<ActionOutcome>(OnOutcomeAsync);
        Receive<GetGateStatus>(_ => Sender.Tell(Status(), Self));
        Receive<ResumedActions>(_ => { });
        ReceiveAsync<ProofsBuilt>(OnProofsBuiltAsync);
    }

    /// <inheritdoc />
    /// <remarks>Outcomes of transactions resumed after a restart, or sent again after a reorg, reach the gate too, so their claims close.</remarks>
    protected override void PreStart() => _options.Submitter.Tell(new SubscribeOutcomes(Self), Self);

    /// <inheritdoc />
    /// <remarks>Cancels a proof build under way: its result would reach no one.</remarks>
    protected override void PostStop()
    {
        _stopping.Cancel();
        base.PostStop();
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    /// <summary>Props for the gate.</summary>
    public static Props Props(SubmissionGateOptions options) => Akka.Actor.Props.Create(() => new SubmissionGate(options));

    private void OnDue(DutyDue m)
    {
        var call = Action(m.Duty);
        if (call is null && !CanProve(m.Duty))
        {
            return;
        }

        if (!_tasks.TryGetValue(m.Duty.Key, out var task))
        {
            _tasks[m.Duty.Key] = task = new GateTask(m.Duty, call);
        }
        else
        {
            if (task.Duty.Proof != m.Duty.Proof)
            {
                // Another validator index or withdrawal: a call built for the old one proves the wrong thing.
                task.Proven = null;
            }

            task.Duty = m.Duty;
        }

        // A head's due duties are followed at once by its chain time, which evaluates them all together; a duty scheduled
        // between heads is evaluated by one coalesced message queued behind whatever is already in the mailbox.
        _nextBlockTime = Math.Max(_nextBlockTime ?? 0, m.NextBlockTime);
        if (!_evaluationQueued)
        {
            _evaluationQueued = true;
            Self.Tell(EvaluateDue.Instance, Self);
        }
    }

    private async Task OnEvaluateDueAsync()
    {
        _evaluationQueued = false;
        if (_nextBlockTime is { } now)
        {
            await EvaluateAllAsync(now);
        }
    }

    private void OnCancelled(DutyCancelled m)
    {
        if (!_tasks.TryGetValue(m.Key, out var task))
        {
            return;
        }

        if (task.InFlightWindow is not null)
        {
            task.Abandoning = true;
            _options.Submitter.Tell(new AbandonAction(m.Key, m.Reason), Self);
        }
        else
        {
            _tasks.Remove(m.Key);
        }
    }

    private void OnMembership(MembershipChanged m)
    {
        // This node takes turns (and counts itself) only while it is an Up member: a joining node would otherwise count
        // members the others do not, and a leaving one keep turns the others already took over.
        _members = GateMath.Order(m.SelfUp ? m.Members.Append(_options.Self) : m.Members);
        // The membership service logs the store's changes, with the reason; the gate only acts on them.
        _storeReachable = m.StoreReachable;
        _selfUp = m.SelfUp;
        _liveMemberIds = m.LiveMemberIds;
    }

    private async Task OnChainTimeAsync(ChainTimeAdvanced m)
    {
        _nextBlockTime = m.NextBlockTime;
        _head = m.Head.Number;
        _headTime = m.Head.Timestamp;
        _options.Submitter.Tell(new SubmitterHead(m.Head.Number, m.Head.Timestamp), Self);
        await EvaluateAllAsync(m.NextBlockTime);
    }

    private async Task EvaluateAllAsync(ulong nextBlockTime)
    {
        // Many actions can fall due in the same block: simulate this node's turns concurrently, then claim and submit in
        // due order, so the last of them still makes the next block.
        var turns = _tasks.Values.Where(t => t.InFlightWindow is null && !t.Abandoning)
            .Select(t => (Task: t, Window: Turn(t, nextBlockTime)))
            .Where(t => t.Window >= 0)
            .OrderBy(t => t.Task.Duty.DueAt)
            .ToList();
        turns = WithFreshCalls(turns, nextBlockTime);
        var simulations = await Task.WhenAll(turns.Select(t => SimulateAsync(t.Task, nextBlockTime)));
        var valid = new List<(GateTask Task, long Window)>();
        ReportSimulationFailures(turns, simulations);
        for (var i = 0; i < turns.Count; i++)
        {
            var (revert, failure) = simulations[i];
            if (failure is not null)
            {
                // Nothing is known about the call: take no turn and ask again at the next head, while the window lasts.
                LogSimulationFailed(Log, turns[i].Task.Duty.Key, turns[i].Window, failure);
            }
            else if (_options.Enabled && revert is null)
            {
                _turns++;
                valid.Add(turns[i]);
            }
            else
            {
                await ActAsync(turns[i].Task, turns[i].Window, nextBlockTime, revert);
            }
        }

        if (valid.Count > 0)
        {
            await ClaimAllAndSubmitAsync(valid, nextBlockTime);
        }
    }

    // One warning when simulations start failing (an RPC that hangs fails every due task at every head) and one line when
    // they answer again; each failure itself is logged at debug level.
    private void ReportSimulationFailures(List<(GateTask Task, long Window)> turns, (string? Revert, string? Failure)[] simulations)
    {
        var failed = Enumerable.Range(0, turns.Count).Where(i => simulations[i].Failure is not null).ToArray();
        if (failed.Length > 0 && _simulationsFailingSince is null)
        {
            _simulationsFailingSince = _head;
            LogSimulationsFailing(Log, failed.Length, turns[failed[0]].Task.Duty.Key, simulations[failed[0]].Failure!);
        }
        else if (failed.Length == 0 && turns.Count > 0 && _simulationsFailingSince is { } since)
        {
            _simulationsFailingSince = null;
            LogSimulationsWorkAgain(Log, since);
        }
    }

    // A simulation that cannot run (the node timed out, a transport error, every endpoint down) says nothing about the
    // call; it must not fail the handler either, which would restart the gate and drop its tasks.
    private async Task<(string? Revert, string? Failure)> SimulateAsync(GateTask task, ulong nextBlockTime)
    {
        try
        {
            return (await _options.Simulator.SimulateAsync(task.Call!, _options.Self, nextBlockTime, CancellationToken.None), null);
        }
        catch (Exception ex)
        {
            return (null, ex.Message);
        }
    }

    // The window this node holds for the task at this chain time, or -1 when it is not this node's turn (or not yet due,
    // already tried in this window, the store cannot be reached, or this node is not an Up member).
    private long Turn(GateTask task, ulong nextBlockTime)
    {
        var window = GateMath.Window(task.Duty.DueAt, nextBlockTime, _options.WindowSeconds);
        if (window < 0 || window <= task.LastAttemptedWindow)
        {
            return -1;
        }

        return !_options.Enabled || (_storeReachable && _selfUp && HolderOf(task, window) == _options.Self) ? window : -1;
    }

    private async Task ActAsync(GateTask task, long window, ulong nextBlockTime, string? revert)
    {
        if (_options.Enabled)
        {
            _turns++;
        }

        if (revert is not null)
        {
            // Not valid in the next block (already done, or not yet): try again at the next head while the window lasts.
            // A proof call is built again then: it proves the beacon head's parent, which can predate the record that
            // made its duty due (a changed record is read at the head), and would revert for as long as it stays fresh.
            LogSimulationReverted(Log, task.Duty.Key, window, revert);
            if (task.Duty.Proof is not null)
            {
                task.Proven = null;
            }

            return;
        }

        if (!_options.Enabled)
        {
            task.LastAttemptedWindow = window;
            task.InFlightWindow = window;
            _options.Submitter.Tell(new SubmitAction(task.Duty.Key, task.Call!, nextBlockTime, task.Duty.Reward), Self);
            return;
        }

        await ClaimAndSubmitAsync(task, window, nextBlockTime);
    }

    private async Task OnOutcomeAsync(ActionOutcome outcome)
    {
        if (!_tasks.TryGetValue(outcome.TaskKey, out var task) || task.InFlightWindow is not { } window)
        {
            await CloseUntrackedClaimAsync(outcome);
            return;
        }

        switch (outcome)
        {
            case ActionNotSent { Reason: NotSentReason.AlreadyPending }:
                return;
            case ActionNotSent notSent:
                if (notSent.Reason != NotSentReason.InsufficientFunds)
                {
                    // An unfunded signer is logged by the submitter, once per block however many duties it refuses.
                    LogNotSent(Log, task.Duty.Key, notSent.Reason.ToString(), notSent.Detail);
                }

                _notSent[notSent.Reason.ToString()] = _notSent.GetValueOrDefault(notSent.Reason.ToString()) + 1;
                await UpdateClaimAsync(task, window, ClaimState.Failed, null, null);
                task.InFlightWindow = null;
                break;
            case ActionSent sent:
                await UpdateClaimAsync(task, window, ClaimState.Pending, sent.Hash, null);
                break;
            case ActionMined mined:
                await UpdateClaimAsync(task, window, ClaimState.Mined, mined.Hash, Fence(mined), Receipt(mined));
                task.InFlightWindow = null;
                if (mined.Succeeded)
                {
                    _succeeded++;
                    _tasks.Remove(task.Duty.Key);
                }

                break;
            case ActionCancelled cancelled:
                await UpdateClaimAsync(task, window, ClaimState.Abandoned, cancelled.Hash, null, Receipt(cancelled));
                _tasks.Remove(task.Duty.Key);
                break;
        }

        if (task.Abandoning && task.InFlightWindow is null)
        {
            _tasks.Remove(task.Duty.Key);
        }
    }

    private static ContractCall? Action(Duty duty) => duty.Kind switch
    {
        DutyKind.DissolveMegapoolValidator => Megapool.DissolveValidator(duty.Target, duty.ValidatorId!.Value),
        DutyKind.DissolveMinipool => Minipool.Dissolve(duty.Target),
        DutyKind.StartRewardsCycle => RewardsPool.StartRewardsCycle(duty.Target),
        // Proof duties' calls are built from beacon proofs just before they are sent (SubmissionGate.Proofs.cs).
        _ => null,
    };

    private GateStatus Status() => new(
        _members,
        _storeReachable,
        _tasks.Values.OrderBy(t => t.Duty.DueAt).Select(t => new GateTaskView(
            t.Duty.Key, t.Duty.DueAt, t.InFlightWindow is null ? "waiting" : t.Abandoning ? "abandoning" : "in-flight", t.InFlightWindow, HolderNow(t))).ToArray(),
        _turns,
        _claimed,
        _succeeded)
    {
        NotSent = new Dictionary<string, long>(_notSent, StringComparer.Ordinal),
    };

    private Address? HolderNow(GateTask task) =>
        _nextBlockTime is { } now && _members.Count > 0 && GateMath.Window(task.Duty.DueAt, now, _options.WindowSeconds) is var window and >= 0
            ? HolderOf(task, window)
            : null;

    // An own duty (keeper.own) is this node's in every window: the other members derive only the late duty of the same task
    // key, due much later, and the claim store's one open claim per task keeps their sends and ours from both going out.
    private Address HolderOf(GateTask task, long window) => task.Duty.Own ? _options.Self : GateMath.Holder(task.Seed, window, _members);

    private sealed record EvaluateDue
    {
        public static EvaluateDue Instance { get; } = new();
    }

    private sealed class GateTask(Duty duty, ContractCall? call)
    {
        public Duty Duty { get; set; } = duty;

        /// <summary>The call to simulate and send; for a proof duty, the built call while it is fresh, else null.</summary>
        public ContractCall? Call { get; set; } = call;

        /// <summary>For a proof duty, the last call built for it.</summary>
        public ProvenCall? Proven { get; set; }

        public ulong Seed { get; } = GateMath.Seed(duty.Key);

        public long LastAttemptedWindow { get; set; } = -1;

        public long? InFlightWindow { get; set; }

        public bool Abandoning { get; set; }
    }
}
