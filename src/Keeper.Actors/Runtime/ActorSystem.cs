using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Runtime;

/// <summary>
/// A tree of actors under <c>keeper://{name}/user</c>, with its clock, scheduler, logging and dead letters.
/// Dispose it (or call <see cref="TerminateAsync"/>) to stop every actor, children before parents.
/// </summary>
public sealed partial class ActorSystem : IAsyncDisposable
{
    private readonly ActorCell _guardian;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _idleGate = new();
    private readonly List<TaskCompletionSource> _idleWaiters = [];
    private readonly ActorPath _tempPath;
    private readonly bool _trackIdle;
    private long _deadLetters;
    private long _tempNames;
    private int _busyMailboxes;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        RuntimeLogger = settings.LoggerFactory.CreateLogger("Keeper.Actors.Runtime");
        Scheduler = settings.Scheduler ?? new TimeProviderScheduler(settings.TimeProvider, RuntimeLogger);
        _trackIdle = settings.TrackIdle;
        var root = ActorPath.Root(name);
        _tempPath = root.Child("temp");
        DeadLetters = new DeadLetterActorRef(this, root.Child("deadLetters"));
        var rootRef = new DeadLetterActorRef(this, root);
        var guardianProps = Props.Create(() => new GuardianActor(settings.GuardianStrategy));
        _guardian = new ActorCell(this, null, rootRef, guardianProps, root.Child("user"));
        _guardian.Start();
    }

    /// <summary>The system's name, the first element of every path.</summary>
    public string Name { get; }

    /// <summary>The settings the system runs with.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The system's clock.</summary>
    public TimeProvider TimeProvider => Settings.TimeProvider;

    /// <summary>The system's logger factory.</summary>
    public ILoggerFactory LoggerFactory => Settings.LoggerFactory;

    /// <summary>The scheduler behind timers, ask timeouts and backoffs.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>Where undeliverable messages go; replies to a message sent without a sender end here too.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>How many messages went to dead letters.</summary>
    public long DeadLetterCount => Interlocked.Read(ref _deadLetters);

    /// <summary>Completes when every actor has stopped.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal ILogger RuntimeLogger { get; }

    /// <summary>Creates a system.</summary>
    /// <param name="name">Letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <param name="settings">Null for the defaults (system clock, no logging).</param>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException(
                $"The actor system name '{name}' is invalid: use letters, digits, '-' and '_', starting with a letter or digit.", nameof(name));
        }

        settings ??= new ActorSystemSettings();
        settings.Validate();
        return new ActorSystem(name, settings);
    }

    /// <summary>Starts a top-level actor under <c>/user</c>.</summary>
    /// <exception cref="InvalidActorNameException">The name is malformed or taken.</exception>
    /// <exception cref="InvalidOperationException">The system is shutting down.</exception>
    public IActorRef ActorOf(Props props, string? name = null) => _guardian.ActorOf(props, name);

    /// <summary>Stops an actor after its current message; its pending messages go to dead letters.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is InternalActorRef target && ReferenceEquals(target.System, this))
        {
            target.SendSystemMessage(new Terminate());
        }
    }

    /// <summary>
    /// Stops every actor, children before their parents, and waits up to <paramref name="timeout"/> (on the
    /// system's clock). Returns false if actors were still stopping when the time ran out.
    /// </summary>
    public async Task<bool> TerminateAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        _guardian.Self.SendSystemMessage(new Terminate());
        try
        {
            await _terminated.Task.WaitAsync(timeout, TimeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            LogShutdownTimedOut(RuntimeLogger, Name, timeout, string.Join(", ", _guardian.Children.Select(static c => c.Path.Name)));
            return false;
        }
    }

    /// <summary>Terminates with <see cref="ActorSystemSettings.ShutdownTimeout"/>.</summary>
    public async ValueTask DisposeAsync() => await TerminateAsync(Settings.ShutdownTimeout).ConfigureAwait(false);

    /// <summary>
    /// Completes when no mailbox has work: every message sent so far has been processed and no async handler is
    /// pending. Messages sent from outside the system after the call may or may not be included.
    /// </summary>
    /// <exception cref="InvalidOperationException">The system was created without <see cref="ActorSystemSettings.TrackIdle"/>.</exception>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        if (!_trackIdle)
        {
            throw new InvalidOperationException("WhenIdleAsync needs ActorSystemSettings.TrackIdle = true (the TestKit sets it).");
        }

        TaskCompletionSource waiter;
        lock (_idleGate)
        {
            if (Volatile.Read(ref _busyMailboxes) == 0)
            {
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _idleWaiters.Add(waiter);
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem {Name}";

    internal PromiseActorRef NewPromise() =>
        new(this, _tempPath.Child("$" + Interlocked.Increment(ref _tempNames).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    internal void PublishDeadLetter(object message, IActorRef sender, IActorRef recipient)
    {
        if (message is TimerMessage)
        {
            // A timer's message for a stopped actor is an expected consequence of stopping, not a lost message.
            return;
        }

        var count = Interlocked.Increment(ref _deadLetters);
        var limit = Settings.DeadLetterLogLimit;
        if (count <= limit)
        {
            LogDeadLetter(RuntimeLogger, message.GetType().Name, sender.Path, recipient.Path, count);
        }
        else if (count == limit + 1)
        {
            LogDeadLettersNoLongerLogged(RuntimeLogger, limit);
        }
    }

    internal void OnMailboxScheduled()
    {
        if (_trackIdle)
        {
            Interlocked.Increment(ref _busyMailboxes);
        }
    }

    internal void OnMailboxIdle()
    {
        if (_trackIdle && Interlocked.Decrement(ref _busyMailboxes) == 0)
        {
            lock (_idleGate)
            {
                if (Volatile.Read(ref _busyMailboxes) != 0)
                {
                    return;
                }

                foreach (var waiter in _idleWaiters)
                {
                    waiter.TrySetResult();
                }

                _idleWaiters.Clear();
            }
        }
    }

    internal void OnGuardianTerminated()
    {
        LogTerminated(RuntimeLogger, Name);
        _terminated.TrySetResult();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex ValidName();
}
