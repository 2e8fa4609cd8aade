namespace Keeper.Actors.Runtime;

/// <summary>
/// A handle to an actor: the only way to reach it. Refs compare by identity: a new actor at the same path
/// (after the old one stopped) has a different ref.
/// </summary>
public interface IActorRef
{
    /// <summary>The actor's unique path, e.g. <c>keeper://node/user/registry/megapool-1</c>.</summary>
    ActorPath Path { get; }

    /// <summary>
    /// Sends a message without waiting. Messages from one sender arrive in the order they were sent. A message
    /// to a stopped actor goes to dead letters.
    /// </summary>
    /// <param name="message">The message, usually a sealed record.</param>
    /// <param name="sender">
    /// Who the receiver sees as <c>Sender</c>; inside an actor pass <c>Self</c>. Null means no sender: replies go
    /// to dead letters.
    /// </param>
    void Tell(object message, IActorRef? sender = null);
}
