namespace Keeper.Actors.Runtime;

/// <summary>An actor name is malformed or already taken by a sibling.</summary>
public sealed class InvalidActorNameException(string message) : Exception(message);
