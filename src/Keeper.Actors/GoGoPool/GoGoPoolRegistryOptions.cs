using Akka.Actor;

namespace Keeper.Actors.GoGoPool;

/// <summary>What the <see cref="GoGoPoolRegistry"/> works with.</summary>
/// <param name="Scheduler">The C-Chain's <see cref="Scheduling.DeadlineScheduler"/>: the rewards-cycle duty and the heads go there.</param>
/// <param name="Alerts">The operator's alert settings.</param>
public sealed record GoGoPoolRegistryOptions(IActorRef Scheduler, GoGoAlertOptions Alerts);
