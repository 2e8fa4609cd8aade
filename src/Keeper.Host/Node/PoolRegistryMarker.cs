namespace Keeper.Host.Node;

/// <summary>The key of the pool registry (parent of the pool trackers) in the host's actor registry (Akka.Hosting's <c>ActorRegistry</c>).</summary>
public sealed class PoolRegistryMarker
{
    private PoolRegistryMarker()
    {
    }
}
