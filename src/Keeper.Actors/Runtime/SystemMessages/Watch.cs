namespace Keeper.Actors.Runtime;

/// <summary>Asks an actor to notify the watcher when it stops.</summary>
internal sealed class Watch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public InternalActorRef Watchee { get; } = watchee;

    public InternalActorRef Watcher { get; } = watcher;
}
