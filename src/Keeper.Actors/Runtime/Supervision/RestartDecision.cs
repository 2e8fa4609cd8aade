namespace Keeper.Actors.Runtime;

/// <summary>Whether a failed child may restart, after what delay, and the statistics to keep.</summary>
/// <param name="Allowed">False when the retry limit within the window is exceeded: the child is stopped.</param>
/// <param name="Delay">The backoff before the restart.</param>
/// <param name="Statistics">The child's statistics after this failure.</param>
public sealed record RestartDecision(bool Allowed, TimeSpan Delay, RestartStatistics Statistics);
