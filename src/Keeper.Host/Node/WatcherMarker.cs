namespace Keeper.Host.Node;

/// <summary>The key of the chain watcher in the host's actor registry (Akka.Hosting's <c>ActorRegistry</c>).</summary>
public sealed class WatcherMarker
{
    private WatcherMarker()
    {
    }
}
