namespace Keeper.Actors.GoGoPool;

/// <summary>How the <see cref="GoGoPoolWatcherActor"/> paces itself (keeper.gogopool).</summary>
/// <param name="PollInterval">How often it polls the C-Chain node for a new head (poll-interval).</param>
/// <param name="Slot">
/// The chain's block interval, if known (slot). After a new head the next poll waits most of a slot, since no block comes
/// sooner, then polls every <paramref name="PollInterval"/> until the next head.
/// </param>
public sealed record GoGoPoolWatcherActorOptions(TimeSpan PollInterval, TimeSpan? Slot = null);
