namespace Keeper.Host.Node;

/// <summary>The key of the deadline scheduler in the host's actor registry (Akka.Hosting's <c>ActorRegistry</c>).</summary>
public sealed class SchedulerMarker
{
    private SchedulerMarker()
    {
    }
}
