namespace Keeper.Host.Node;

/// <summary>The key of the submission gate in the host's actor registry (Akka.Hosting's <c>ActorRegistry</c>).</summary>
public sealed class GateMarker
{
    private GateMarker()
    {
    }
}
