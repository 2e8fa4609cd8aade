using Akka.Actor;
using Akka.Persistence;
using Keeper.Actors.Logging;
using Keeper.Chain.Fees;
using Microsoft.Extensions.Logging;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Submission;

/// <summary>
/// The only code that signs and sends Keeper's transactions: one per signing account, owning its nonces. An Akka
/// persistent actor (persistence id <c>submitter:&lt;lowercase address&gt;</c>).
/// </summary>
/// <remarks>
/// <para>
/// Every step of a transaction's life is journaled before it takes effect on the network: Created (nonce, call, fees,
/// raw transaction, hash) before the first send, Replaced before a fee bump or a cancellation is sent, then Sent, Mined,
/// Reorged or Dropped as the node reports. A crash at any point therefore leaves either nothing on the network and
/// nothing journaled, or a journaled transaction that the next start resolves. A nonce is never given to a second
/// action while a transaction for it may still be mined.
/// </para>
/// <para>
/// A flow that journals is written as a chain: each async step ends by journaling one event with <see cref="Then"/>,
/// whose continuation runs once the event is durable and applied (Akka holds every other message meanwhile, and
/// <c>RunTask</c> holds the mailbox while a step awaits the node). So one flow runs at a time, start to end, exactly
/// as its steps are written.
/// </para>
/// <para>
/// Recovery, at start: Akka replays the journal through the same <see cref="SubmitterState.Apply"/> the live path
/// uses; then the next nonce is the larger of the node's pending transaction count and the highest journaled nonce + 1,
/// and every unfinished transaction is resolved as on a new head, re-broadcast only when it is still this keeper's to
/// send. Messages that arrive meanwhile wait (stash).
/// </para>
/// <para>
/// Outcomes: the requester of <see cref="SubmitAction"/> gets <see cref="ActionSent"/> (journaled and handed to the
/// node; from then on the submitter owns it until <see cref="ActionMined"/>, <see cref="ActionCancelled"/> or
/// <see cref="ActionDropped"/>) or <see cref="ActionNotSent"/>. After a restart nobody is waiting for the resumed
/// transactions: a <see cref="SubmitAction"/> for a task whose transaction is in flight answers
/// <see cref="NotSentReason.AlreadyPending"/> and adds the sender to that transaction's recipients (it is never sent
/// again), and <see cref="SubscribeOutcomes"/> delivers every outcome to the subscriber. An outcome with no recipient is
/// kept for the task and handed to the next asker.
/// </para>
/// <para>
/// Receipts are checked on <see cref="SubmitterHead"/>: a receipt counts once its block is canonical and has
/// <see cref="SubmitterOptions.Confirmations"/> blocks; a receipt whose block a reorg removed (even after it was
/// reported mined, within <see cref="SubmitterOptions.ReorgWatchBlocks"/>) makes the transaction pending again. The
/// same check runs at once when a <see cref="SubmitAction"/> asks again for a task whose transaction succeeded within
/// that range, whatever head this submitter last saw: the asker may have heard of a reorg first, and the answer is the
/// undone transaction (pending again), never a second one for the task. A
/// transaction unmined for <see cref="SubmitterOptions.BumpAfterBlocks"/> blocks is replaced with the same nonce and
/// both fees raised by at least 12.5% (<see cref="FeeBump"/>), never above the cap.
/// </para>
/// </remarks>
public sealed partial class Submitter : ReceivePersistentActor, IWithTimers, IDisposable
{
    /// <summary>The fault point just after Created is journaled, before anything is sent.</summary>
    public const string AfterJournalCreated = "after-journal-created";

    /// <summary>The fault point just after the node accepted a new transaction, before Sent is journaled.</summary>
    public const string AfterSend = "after-send";

    private const ulong TransferGas = 21_000;

    private readonly SubmitterOptions _options;
    private readonly SubmitterDependencies _deps;
    private readonly Address _account;
    private readonly string _persistenceId;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<ulong, SubmissionTracking> _tracking = [];
    private readonly HashSet<IActorRef> _subscribers = [];
    private readonly Dictionary<string, ActionOutcome> _undelivered = new(StringComparer.Ordinal);
    private SubmitterState _state = SubmitterState.Empty;
    private ILogger? _log;
    private ulong _head;
    private ulong _headTime;
    private (ulong Head, FeeQuote Quote)? _quote;
    private string? _haltReason;
    private SubmissionJournalException? _unreadable;
    private (string Task, IActorRef Requester)? _journaling;
    private SignerBalance? _balance;
    private ulong? _fundsLoggedAtHead;

    /// <summary>Creates the submitter; it recovers from its journal before handling anything else.</summary>
    /// <exception cref="ArgumentException">An option or dependency is invalid; the message names it.</exception>
    public Submitter(SubmitterOptions options, SubmitterDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dependencies);
        _options = options.Validate();
        _deps = dependencies.Validate();
        _account = _deps.Key.Address;
        _persistenceId = PersistenceIdFor(_account, _options.JournalScope);
        Recover<SubmissionEvent>(OnReplayed);
        Recover<RecoveryCompleted>(_ => Self.Tell(Resume.Instance, Self));
        Resuming();
    }

    /// <inheritdoc />
    public override string PersistenceId => _persistenceId;

    /// <summary>The actor's keyed timers (set by Akka).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    private new ILogger Log => _log ??= KeeperLogging.Of<Submitter>(Context);

    /// <summary>Props for a submitter.</summary>
    public static Props Props(SubmitterOptions options, SubmitterDependencies dependencies) =>
        Akka.Actor.Props.Create(() => new Submitter(options, dependencies));

    /// <summary>
    /// The journal's persistence id for <paramref name="account"/>: <c>submitter:</c> and the lowercase address on the
    /// node's main chain, <c>submitter:&lt;scope&gt;:</c> and the address on another (<see cref="SubmitterOptions.JournalScope"/>).
    /// </summary>
    public static string PersistenceIdFor(Address account, string? scope = null) =>
        scope is null ? "submitter:" + account.ToLowerHex() : $"submitter:{scope}:{account.ToLowerHex()}";

    /// <summary>Releases the cancellation source; Akka's stop does it through <see cref="PostStop"/>.</summary>
    public void Dispose() => _stopping.Dispose();

    /// <summary>Cancels the instance's token (any call started from a timer or continuation ends) and disposes it.</summary>
    protected override void PostStop()
    {
        _stopping.Cancel();
        Dispose();
        base.PostStop();
    }

    /// <summary>A journal write failed: nothing that depends on the event was done; Akka stops this instance and its supervisor starts a new one, which recovers.</summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        if (JournalErrors.IsSequenceTaken(cause))
        {
            // The journal's unique (persistence id, sequence number) says another process wrote this account's journal.
            LogAnotherWriter(Log, _account, _persistenceId, cause);
            _haltReason = $"another process writes the journal of account {_account} ({_persistenceId}); two keepers must never share a signing key";
            TellJournalingRequester(_haltReason);
        }
        else
        {
            LogJournalWriteFailed(Log, @event.GetType().Name, (@event as SubmissionEvent)?.Nonce ?? 0, cause);
            TellJournalingRequester("the journal could not be written; nothing was sent");
        }

        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    /// <summary>The journal refused the event (it could not be serialized): nothing that depends on it was done.</summary>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        LogJournalWriteFailed(Log, @event.GetType().Name, (@event as SubmissionEvent)?.Nonce ?? 0, cause);
        TellJournalingRequester("the journal refused the transaction; nothing was sent");
        Halt($"the journal refused {@event.GetType().Name}: {cause.Message}");
    }

    private void OnReplayed(SubmissionEvent @event)
    {
        if (_unreadable is not null)
        {
            return;
        }

        try
        {
            _state = _state.Apply(@event);
        }
        catch (SubmissionJournalException e)
        {
            // Keep what was read and refuse to act on it: sending from a journal this code cannot explain could reuse a nonce.
            _unreadable = e;
        }
    }

    private void Resuming()
    {
        CommandAsync<Resume>(_ => ResumeAsync());
        Command<GetSubmitterStatus>(_ => Sender.Tell(Status(), Self));
        CommandAny(_ => Stash.Stash());
    }

    private void Active()
    {
        CommandAsync<SubmitAction>(OnSubmitAsync);
        CommandAsync<AbandonAction>(OnAbandonAsync);
        CommandAsync<SubmitterHead>(OnHeadAsync);
        Command<SubscribeOutcomes>(OnSubscribe);
        Command<GetSubmitterStatus>(_ => Sender.Tell(Status(), Self));
        Command<Terminated>(m => _subscribers.Remove(m.ActorRef));
        Command<SignerBalance>(m => _balance = m);
    }

    private void Halted()
    {
        Command<SubmitAction>(m => Sender.Tell(new ActionNotSent(m.TaskKey, NotSentReason.Halted, _haltReason ?? "the submitter halted"), Self));
        Command<GetSubmitterStatus>(_ => Sender.Tell(Status(), Self));
        CommandAny(_ => { });
    }

    private void Halt(string reason)
    {
        _haltReason = reason;
        Become(Halted);
        // Whatever waited for recovery is answered now: refused, never sent.
        Stash.UnstashAll();
    }

    /// <summary>
    /// Journals <paramref name="event"/> and, once it is durable, applies it to the state and runs
    /// <paramref name="next"/>. The caller must do nothing after this that depends on the event: whatever follows goes
    /// in <paramref name="next"/>. When halted nothing is journaled and the flow ends here.
    /// </summary>
    private void Then(SubmissionEvent @event, Func<Task> next)
    {
        if (_haltReason is not null)
        {
            return;
        }

        Persist(@event, persisted =>
        {
            _state = _state.Apply(persisted);
            _journaling = null;
            RunTask(next);
        });
    }

    private void TellJournalingRequester(string detail)
    {
        if (_journaling is { } waiting)
        {
            waiting.Requester.Tell(new ActionNotSent(waiting.Task, _haltReason is null ? NotSentReason.Unavailable : NotSentReason.Halted, detail), Self);
            _journaling = null;
        }
    }

    private void OnSubscribe(SubscribeOutcomes m)
    {
        ArgumentNullException.ThrowIfNull(m.Subscriber);
        if (_subscribers.Add(m.Subscriber))
        {
            Context.Watch(m.Subscriber);
        }

        m.Subscriber.Tell(new ResumedActions(_account, _state.Live.Select(e => e.ToRecord()).ToArray()), Self);
        foreach (var outcome in _undelivered.Values)
        {
            m.Subscriber.Tell(outcome, Self);
        }

        _undelivered.Clear();
    }

    private SubmitterStatus Status() => new(_account, _state.NextNonce, _state.Entries.Values.Select(e => e.ToRecord()).ToArray());

    private SubmissionTracking TrackingFor(ulong nonce)
    {
        if (!_tracking.TryGetValue(nonce, out var tracking))
        {
            tracking = new SubmissionTracking();
            _tracking[nonce] = tracking;
        }

        return tracking;
    }

    private void Fault(string point) => _options.FaultPoint?.Invoke(point);

    private sealed class Resume
    {
        public static Resume Instance { get; } = new();
    }
}
