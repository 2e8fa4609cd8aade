using Akka.Actor;
using Keeper.Chain.Watching.GoGoPool;

namespace Keeper.Actors.Submission;

/// <summary>
/// Sits between the GoGoPool watcher and its registry: moves the <see cref="GoGoPoolAllowList"/> to the RewardsPool each
/// cycle read names (an upgrade re-registers it) before the registry can schedule a duty for it, and passes every event on.
/// </summary>
public sealed class GoGoPoolAllowListFeed : ReceiveActor
{
    /// <summary>Creates the feed.</summary>
    public GoGoPoolAllowListFeed(GoGoPoolAllowList allowList, IActorRef registry)
    {
        Receive<GoGoPoolEvent>(e =>
        {
            if (e is GoGoRewardsCycleRead cycle)
            {
                allowList.UseRewardsPool(cycle.RewardsPool);
            }

            registry.Forward(e);
        });
    }

    /// <summary>Props for the feed.</summary>
    public static Props Props(GoGoPoolAllowList allowList, IActorRef registry) => Akka.Actor.Props.Create(() => new GoGoPoolAllowListFeed(allowList, registry));
}
