namespace Keeper.Actors.Runtime;

/// <summary>Resumes a suspended actor after its supervisor decided to let it continue.</summary>
internal sealed class Resume : SystemMessage
{
}
