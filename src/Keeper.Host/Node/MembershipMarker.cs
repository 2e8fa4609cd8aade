namespace Keeper.Host.Node;

/// <summary>The key of the membership agent in the host's actor registry (Akka.Hosting's <c>ActorRegistry</c>).</summary>
public sealed class MembershipMarker
{
    private MembershipMarker()
    {
    }
}
