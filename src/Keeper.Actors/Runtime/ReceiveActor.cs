namespace Keeper.Actors.Runtime;

/// <summary>
/// The actor base to derive from: register handlers with <c>Receive&lt;T&gt;</c> in the constructor (the initial
/// behaviour) or inside <see cref="Become"/> (a new phase). Handlers are tried in registration order. An async
/// handler (<c>ReceiveAsync</c>) holds the mailbox until its task completes, so the next message never starts
/// early; a synchronous handler is the fast path.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private Behavior _behavior = new();
    private Behavior? _configuring;
    private List<Behavior>? _stacked;

    /// <summary>Starts configuring the initial behaviour; register handlers in the derived constructor.</summary>
    protected ReceiveActor()
    {
        _configuring = _behavior;
    }

    /// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
    protected void Receive<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new SyncReceiveHandler<T>(handler, null));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="shouldHandle"/> holds.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new SyncReceiveHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> asynchronously; no other message starts until the task completes.</summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new AsyncReceiveHandler<T>(handler, null));
    }

    /// <summary>Handles matching messages of type <typeparamref name="T"/> asynchronously.</summary>
    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new AsyncReceiveHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles any message no earlier registration took.</summary>
    protected void ReceiveAny(Action<object> handler) => Receive(handler);

    /// <summary>Replaces the current behaviour with the handlers <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure)
    {
        var next = Configure(configure);
        if (_stacked is { Count: > 0 })
        {
            _stacked[^1] = next;
        }
        else
        {
            _behavior = next;
        }
    }

    /// <summary>Pushes a behaviour; <see cref="Unbecome"/> returns to the one below.</summary>
    protected void BecomeStacked(Action configure)
    {
        var next = Configure(configure);
        (_stacked ??= []).Add(next);
    }

    /// <summary>Pops the behaviour pushed last by <see cref="BecomeStacked"/>; does nothing at the bottom.</summary>
    protected void Unbecome()
    {
        if (_stacked is { Count: > 0 })
        {
            _stacked.RemoveAt(_stacked.Count - 1);
        }
    }

    internal sealed override void OnConstructed() => _configuring = null;

    internal sealed override Task? Receive(object message)
    {
        Task? pending = null;
        var current = _stacked is { Count: > 0 } ? _stacked[^1] : _behavior;
        if (!current.TryHandle(message, ref pending))
        {
            OnUnhandled(message);
        }

        return pending;
    }

    private Behavior Configure(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _configuring;
        var next = new Behavior();
        _configuring = next;
        try
        {
            configure();
        }
        finally
        {
            _configuring = previous;
        }

        return next;
    }

    private Behavior Configuring() => _configuring ?? throw new InvalidOperationException(
        "Receive handlers can be registered only in the constructor or inside Become/BecomeStacked.");
}
