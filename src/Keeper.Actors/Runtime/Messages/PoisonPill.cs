namespace Keeper.Actors.Runtime;

/// <summary>
/// A user message that stops the actor when it is processed, so everything sent before it is handled first
/// (a graceful stop). Messages after it go to dead letters.
/// </summary>
public sealed record PoisonPill : IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();
}
