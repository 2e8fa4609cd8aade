namespace Keeper.Actors.Runtime;

/// <summary>Where undeliverable messages go: they are counted and logged.</summary>
internal sealed class DeadLetterActorRef : InternalActorRef
{
    public DeadLetterActorRef(ActorSystem system, ActorPath path)
        : base(system, path)
    {
    }

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.PublishDeadLetter(message, sender ?? this, this);
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        // A watch on dead letters is answered at once: it is as dead as an actor gets.
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this));
        }
    }
}
