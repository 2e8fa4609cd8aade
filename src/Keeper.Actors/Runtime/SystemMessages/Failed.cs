namespace Keeper.Actors.Runtime;

/// <summary>Tells a supervisor that one of its children failed and is suspended, waiting for a decision.</summary>
internal sealed class Failed(ActorCell child, Exception cause) : SystemMessage
{
    public ActorCell Child { get; } = child;

    public Exception Cause { get; } = cause;
}
