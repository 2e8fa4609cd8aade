namespace Keeper.Actors.Runtime;

/// <summary>The runtime's side of every ref it hands out: which system it belongs to and how to reach it with system messages.</summary>
internal abstract class InternalActorRef : IActorRef
{
    protected InternalActorRef(ActorSystem system, ActorPath path)
    {
        System = system;
        Path = path;
    }

    public ActorSystem System { get; }

    public ActorPath Path { get; }

    public abstract void Tell(object message, IActorRef? sender = null);

    public abstract void SendSystemMessage(SystemMessage message);

    public override string ToString() => Path.ToString();
}
