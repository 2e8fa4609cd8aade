namespace Keeper.Actors.Runtime;

/// <summary>
/// A message the runtime sends to a cell about its lifecycle. System messages are processed before user
/// messages, also while the actor is suspended after a failure. Each instance is sent once: the mailbox links
/// them through <see cref="Next"/>, so no queue object is needed per actor.
/// </summary>
internal abstract class SystemMessage
{
    public SystemMessage? Next;
}
