namespace Keeper.Actors.Tests.Tracking;

/// <summary>
/// Tells a <see cref="HeadFeeder"/> to feed a head every <paramref name="Pace"/> of virtual time from now on (restarting its
/// timer now); it answers with the last head it fed, so every head fed before is already in the registry's mailbox.
/// </summary>
/// <param name="Pace">The virtual time between heads, and the chain time between their timestamps: a whole number of slots.</param>
internal sealed record FeedEvery(TimeSpan Pace);
