namespace Keeper.Actors.Runtime;

/// <summary>Creates the actor instance; the first message a new cell processes.</summary>
internal sealed class Create : SystemMessage
{
}
