namespace Keeper.Host.Node;

/// <summary>The key of the own-deadline watch (keeper.own) in the host's actor registry.</summary>
public sealed class OwnDeadlinesMarker
{
    private OwnDeadlinesMarker()
    {
    }
}
