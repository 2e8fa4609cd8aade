using Akka.Actor;

namespace Keeper.Actors.Tracking;

/// <summary>What the pool trackers share.</summary>
/// <param name="Scheduler">The deadline scheduler they schedule duties on.</param>
/// <param name="Snapshots">
/// Whose snapshots they keep in the actor system's snapshot store (Akka.Persistence), or null to keep nothing (tests,
/// dry runs).
/// </param>
/// <param name="PassivateAfter">How long a pool with no duty stays in memory without news before it is passivated; null never.</param>
/// <param name="BeaconWatcher">Who hears about validators to ask the beacon chain about, or null when no beacon node is configured.</param>
/// <param name="Shards">
/// How many tracker shard actors the pools are spread over (by address). An actor costs a few kilobytes whether it holds
/// one pool or a thousand, so a few dozen keep that cost to a few bytes per validator while both cores stay busy.
/// </param>
/// <param name="Own">The signing operator's own megapools and who warns before their deadlines (keeper.own); null: own mode off.</param>
/// <param name="Accounts">The <see cref="OperatorAccounts"/> the registry passes the watcher's events and restored pools on to; null for none.</param>
public sealed record TrackerOptions(IActorRef Scheduler, SnapshotScope? Snapshots, TimeSpan? PassivateAfter, IActorRef? BeaconWatcher, int Shards = 64, OwnPools? Own = null, IActorRef? Accounts = null);
