using Keeper.Chain.Fees;
using Akka.Actor;
using Keeper.Actors.Logging;
using Microsoft.Extensions.Logging;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Submission;

/// <summary>
/// The only code that signs and sends Keeper's transactions: one per signing account, owning its nonces.
/// </summary>
/// <remarks>
/// <para>
/// Every step of a transaction's life is journaled (persistence id <c>submitter:&lt;lowercase address&gt;</c>) before it
/// takes effect on the network: Created (nonce, call, fees, raw transaction, hash) before the first send, Replaced
/// before a fee bump or a cancellation is sent, then Sent, Mined, Reorged or Dropped as the node reports. A crash at any
/// point therefore leaves either nothing on the network and nothing journaled, or a journaled transaction that the next
/// start re-broadcasts byte for byte (same nonce, same hash) or finds mined. A nonce is never given to a second action
/// while a transaction for it may still be mined.
/// </para>
/// <para>
/// Recovery, at start: replay the journal; the next nonce is the larger of the node's pending transaction count and the
/// highest journaled nonce + 1; every unfinished transaction whose versions have no receipt is re-broadcast, and the
/// rest are resolved as on a new head. Messages that arrive meanwhile wait (stash).
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
/// reported mined, within <see cref="SubmitterOptions.ReorgWatchBlocks"/>) makes the transaction pending again and it is
/// re-broadcast. A transaction unmined for <see cref="SubmitterOptions.BumpAfterBlocks"/> blocks is replaced with the
/// same nonce and both fees raised by at least 12.5% (<see cref="FeeBump"/>), never above the cap.
/// </para>
/// </remarks>
public sealed partial class Submitter : ReceiveActor, IDisposable, IWithTimers, IWithUnboundedStash
{
    private ILogger? _log;
    /// <summary>The actor's keyed timers (set by Akka).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Messages set aside until the actor is ready for them (set by Akka).</summary>
    public IStash Stash { get; set; } = null!;

    private ILogger Log => _log ??= KeeperLogging.Of<Submitter>(Context);

    /// <summary>The fault point just after Created is journaled, before anything is sent.</summary>
    public const string AfterJournalCreated = "after-journal-created";

    /// <summary>The fault point just after the node accepted a new transaction, before Sent is journaled.</summary>
    public const string AfterSend = "after-send";

    private const int ReadPageSize = 500;
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
    private long _sequenceNr;
    private ulong _head;
    private (ulong Head, FeeQuote Quote)? _quote;
    private string? _haltReason;

    /// <summary>Creates the submitter; it recovers from its journal before handling anything else.</summary>
    /// <exception cref="ArgumentException">An option or dependency is invalid; the message names it.</exception>
    public Submitter(SubmitterOptions options, SubmitterDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dependencies);
        _options = options.Validate();
        _deps = dependencies.Validate();
        _account = _deps.Key.Address;
        _persistenceId = PersistenceIdFor(_account);
        Recovering();
    }

    /// <summary>Props for a submitter.</summary>
    public static Props Props(SubmitterOptions options, SubmitterDependencies dependencies) =>
        Akka.Actor.Props.Create(() => new Submitter(options, dependencies));

    /// <summary>The journal's persistence id for <paramref name="account"/>: <c>submitter:</c> and the lowercase address.</summary>
    public static string PersistenceIdFor(Address account) => "submitter:" + account.ToLowerHex();

    /// <inheritdoc />
    protected override void PreStart() => Self.Tell(Recover.Instance, Self);

    /// <summary>Releases the cancellation source; the runtime's stop does it through <see cref="PostStop"/>.</summary>
    public void Dispose() => _stopping.Dispose();

    /// <summary>Cancels the instance's token (any call started from a timer or continuation ends) and disposes it.</summary>
    protected override void PostStop()
    {
        _stopping.Cancel();
        Dispose();
    }

    private void Recovering()
    {
        ReceiveAsync<Recover>(_ => RecoverAsync());
        Receive<GetSubmitterStatus>(_ => Sender.Tell(Status(), Self));
        ReceiveAny(_ => Stash.Stash());
    }

    private void Active()
    {
        ReceiveAsync<SubmitAction>(OnSubmitAsync);
        ReceiveAsync<AbandonAction>(OnAbandonAsync);
        ReceiveAsync<SubmitterHead>(OnHeadAsync);
        Receive<SubscribeOutcomes>(OnSubscribe);
        Receive<GetSubmitterStatus>(_ => Sender.Tell(Status(), Self));
        Receive<Terminated>(m => _subscribers.Remove(m.ActorRef));
    }

    private void Halted()
    {
        Receive<SubmitAction>(m => Sender.Tell(new ActionNotSent(m.TaskKey, NotSentReason.Halted, _haltReason ?? "the submitter halted"), Self));
        Receive<GetSubmitterStatus>(_ => Sender.Tell(Status(), Self));
        ReceiveAny(_ => { });
    }

    private void Halt(string reason)
    {
        _haltReason = reason;
        Become(Halted);
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

    private sealed class Recover
    {
        public static Recover Instance { get; } = new();
    }
}
