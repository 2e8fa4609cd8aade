namespace Keeper.Actors.Runtime;

/// <summary>An actor's view of itself and its place in the tree. Use only from inside the actor.</summary>
public interface IActorContext
{
    /// <summary>The actor's own ref.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed; the system's dead letters when there was none.</summary>
    IActorRef Sender { get; }

    /// <summary>The actor's parent (its supervisor).</summary>
    IActorRef Parent { get; }

    /// <summary>The system the actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The actor's living children.</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>The child with this name, or null.</summary>
    IActorRef? Child(string name);

    /// <summary>Starts a child. Names are unique among siblings; null picks a fresh one (<c>$1</c>, <c>$2</c>, ...).</summary>
    /// <exception cref="InvalidActorNameException">The name is malformed or taken.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops an actor after its current message; its pending messages go to dead letters.</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers a <see cref="Terminated"/> message when <paramref name="subject"/> stops (at once if it already has).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Stops watching; no <see cref="Terminated"/> for <paramref name="subject"/> is delivered after this call.</summary>
    IActorRef Unwatch(IActorRef subject);
}
