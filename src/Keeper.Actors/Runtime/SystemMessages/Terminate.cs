namespace Keeper.Actors.Runtime;

/// <summary>Stops the actor: its children first, then itself.</summary>
internal sealed class Terminate : SystemMessage
{
}
