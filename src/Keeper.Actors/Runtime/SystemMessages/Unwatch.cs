namespace Keeper.Actors.Runtime;

/// <summary>Withdraws an earlier <see cref="Watch"/>.</summary>
internal sealed class Unwatch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public InternalActorRef Watchee { get; } = watchee;

    public InternalActorRef Watcher { get; } = watcher;
}
