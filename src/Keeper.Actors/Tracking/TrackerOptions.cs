using Akka.Actor;

namespace Keeper.Actors.Tracking;

/// <summary>What pool trackers share.</summary>
/// <param name="Scheduler">The deadline scheduler they schedule duties on.</param>
/// <param name="Snapshots">
/// Whose snapshots they keep in the actor system's snapshot store (Akka.Persistence), or null to keep nothing (tests,
/// dry runs).
/// </param>
/// <param name="PassivateAfter">How long a tracker with no duty waits for a message before asking to be passivated; null never.</param>
/// <param name="ExitWatcher">Who hears about validators to ask the beacon chain about, or null when no beacon node is configured.</param>
public sealed record TrackerOptions(IActorRef Scheduler, SnapshotScope? Snapshots, TimeSpan? PassivateAfter, IActorRef? ExitWatcher);
