namespace Keeper.Actors.Runtime;

/// <summary>Tells a parent that one of its children has finished stopping.</summary>
internal sealed class ChildTerminated(ActorCell child) : SystemMessage
{
    public ActorCell Child { get; } = child;
}
