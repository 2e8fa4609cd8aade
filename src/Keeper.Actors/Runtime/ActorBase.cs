using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Runtime;

/// <summary>
/// The base of every actor; derive from <see cref="ReceiveActor"/>. Instances are made by the runtime from
/// <see cref="Props"/>, never with <c>new</c> elsewhere. An instance processes one message at a time, never on
/// two threads at once, and nothing else may touch its state.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;
    private ILogger? _log;

    /// <summary>Binds the new instance to the cell that is creating it.</summary>
    /// <exception cref="InvalidOperationException">The actor was created with <c>new</c> outside the runtime.</exception>
    private protected ActorBase()
    {
        _cell = ActorCell.Current ?? throw new InvalidOperationException(
            $"{GetType().Name} was created with 'new'. Actors are created by the runtime: use system.ActorOf(Props.Create(() => new {GetType().Name}(...))) or Context.ActorOf(...).");
    }

    /// <summary>The actor's context: self, sender, parent, children, watch.</summary>
    protected IActorContext Context => _cell;

    /// <summary>The actor's own ref.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being processed (stays valid across awaits in an async handler).</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>The actor's keyed timers on the system's scheduler.</summary>
    protected ITimerScheduler Timers => _cell.Timers;

    /// <summary>A logger whose category is the actor's type.</summary>
    protected ILogger Log => _log ??= _cell.System.LoggerFactory.CreateLogger(GetType());

    /// <summary>How this actor supervises its children; consulted when a child fails.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy => SupervisorStrategy.Default;

    internal ActorCell Cell => _cell;

    /// <summary>Runs before the first message, on the actor's own run.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs after the actor stopped (children have stopped first) and after the old instance of a restart.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Runs on the failed instance before a restart; by default stops all children and runs <see cref="PostStop"/>.</summary>
    /// <param name="reason">The exception that caused the restart.</param>
    /// <param name="message">The message being processed when it failed, if any.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the fresh instance after a restart; by default runs <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>Sets the current message aside; <see cref="UnstashAll"/> puts stashed messages back in front of the mailbox.</summary>
    /// <exception cref="InvalidOperationException">The current message was already stashed.</exception>
    protected void Stash() => _cell.Stash();

    /// <summary>Returns all stashed messages, in their order, ahead of anything waiting in the mailbox.</summary>
    protected void UnstashAll() => _cell.UnstashAll();

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with the current sender, so replies go to the original asker.</summary>
    protected void Forward(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, Sender);
    }

    /// <summary>Called for a message no handler took; logs it at debug level.</summary>
    protected virtual void Unhandled(object message) => _cell.LogUnhandled(message);

    /// <summary>
    /// Processes one message. Returns null when done synchronously, or the pending task of an async handler; the
    /// mailbox processes nothing else until it completes.
    /// </summary>
    internal abstract Task? Receive(object message);

    /// <summary>Called by the runtime once the constructor has returned.</summary>
    internal virtual void OnConstructed()
    {
    }

    internal void OnUnhandled(object message) => Unhandled(message);

    internal SupervisorStrategy GetSupervisorStrategy() => SupervisorStrategy;

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);
}
