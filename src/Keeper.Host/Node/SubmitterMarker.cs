namespace Keeper.Host.Node;

/// <summary>The key of the submitter's backoff supervisor (the submitter is its child) in the host's actor registry (Akka.Hosting's <c>ActorRegistry</c>).</summary>
public sealed class SubmitterMarker
{
    private SubmitterMarker()
    {
    }
}
