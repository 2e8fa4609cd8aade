namespace Keeper.Actors.Runtime;

/// <summary>Restarts a failed actor with a fresh instance; sent by its supervisor.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}
