namespace Keeper.Actors.Runtime;

/// <summary>Death watch: who this actor watches, who watches it, and the <see cref="Terminated"/> messages.</summary>
internal sealed partial class ActorCell
{
    private HashSet<InternalActorRef>? _watching;
    private HashSet<InternalActorRef>? _watchedBy;

    public IActorRef Watch(IActorRef subject)
    {
        var target = AsInternal(subject);
        if (!ReferenceEquals(target, _self) && (_watching ??= []).Add(target))
        {
            target.SendSystemMessage(new Watch(target, _self));
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        var target = AsInternal(subject);
        if (_watching is not null && _watching.Remove(target))
        {
            target.SendSystemMessage(new Unwatch(target, _self));
        }

        return subject;
    }

    private static InternalActorRef AsInternal(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject as InternalActorRef ?? throw new ArgumentException(
            $"Only refs made by a Keeper actor system can be watched; got {subject.GetType().Name}.", nameof(subject));
    }

    private void AddWatcher(Watch watch)
    {
        if (ReferenceEquals(watch.Watchee, _self) && !ReferenceEquals(watch.Watcher, _self))
        {
            (_watchedBy ??= []).Add(watch.Watcher);
        }
    }

    private void RemoveWatcher(Unwatch unwatch)
    {
        if (ReferenceEquals(unwatch.Watchee, _self))
        {
            _watchedBy?.Remove(unwatch.Watcher);
        }
    }

    private void HandleDeathWatchNotification(IActorRef actor)
    {
        // Delivered through the mailbox, in order with other messages; the watch entry stays until then, so an
        // Unwatch in between still suppresses it.
        if (actor is InternalActorRef watched && _watching is not null && _watching.Contains(watched))
        {
            SendMessage(new Envelope(new Terminated(actor), actor));
        }
    }

    private bool AcceptTerminated(Terminated terminated) =>
        terminated.Actor is InternalActorRef watched && _watching is not null && _watching.Remove(watched);

    private void NotifyWatchersAndUnwatchAll()
    {
        if (_watchedBy is not null)
        {
            foreach (var watcher in _watchedBy)
            {
                watcher.SendSystemMessage(new DeathWatchNotification(_self));
            }

            _watchedBy = null;
        }

        if (_watching is not null)
        {
            foreach (var watched in _watching)
            {
                watched.SendSystemMessage(new Unwatch(watched, _self));
            }

            _watching = null;
        }
    }
}
