namespace Keeper.Actors.Runtime;

/// <summary>An actor's constructor or start hook threw; by default its supervisor stops it.</summary>
public sealed class ActorInitializationException : Exception
{
    /// <summary>Creates the exception for the actor at <paramref name="path"/>.</summary>
    public ActorInitializationException(ActorPath path, Exception innerException)
        : base($"Actor {path} could not be initialized: {innerException?.Message}", innerException)
    {
        Path = path;
    }

    /// <summary>The actor that failed to initialize.</summary>
    public ActorPath Path { get; }
}
