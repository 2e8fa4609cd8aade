namespace Keeper.Actors.Runtime;

/// <summary>Tells a watcher that an actor it watches has stopped.</summary>
internal sealed class DeathWatchNotification(IActorRef actor) : SystemMessage
{
    public IActorRef Actor { get; } = actor;
}
