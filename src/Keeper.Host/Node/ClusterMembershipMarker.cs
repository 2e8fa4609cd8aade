namespace Keeper.Host.Node;

/// <summary>The key of the cluster membership actor in the host's actor registry (Akka.Hosting's <c>ActorRegistry</c>).</summary>
public sealed class ClusterMembershipMarker
{
    private ClusterMembershipMarker()
    {
    }
}
