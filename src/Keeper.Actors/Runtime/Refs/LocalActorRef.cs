namespace Keeper.Actors.Runtime;

/// <summary>The ref of an actor that lives in a cell of this process.</summary>
internal sealed class LocalActorRef : InternalActorRef
{
    public LocalActorRef(ActorSystem system, ActorCell cell, ActorPath path)
        : base(system, path)
    {
        Cell = cell;
    }

    public ActorCell Cell { get; }

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.SendMessage(new Envelope(message, sender ?? System.DeadLetters));
    }

    public override void SendSystemMessage(SystemMessage message) => Cell.SendSystemMessage(message);
}
