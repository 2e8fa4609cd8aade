namespace Keeper.Actors.Runtime;

/// <summary>A reply that reports a failure; <c>Ask</c> throws <see cref="Cause"/> when it receives one.</summary>
/// <param name="Cause">What went wrong.</param>
public sealed record StatusFailure(Exception Cause);
