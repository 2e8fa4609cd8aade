namespace Keeper.Actors.Runtime;

/// <summary>The parent of every top-level actor (<c>/user</c>); it only supervises.</summary>
internal sealed class GuardianActor(SupervisorStrategy strategy) : ReceiveActor
{
    protected override SupervisorStrategy SupervisorStrategy => strategy;
}
