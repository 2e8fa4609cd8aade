using Akka.Actor;
using Keeper.Actors.Tracking;
using Keeper.Chain.Watching;

namespace Keeper.Actors.Submission;

/// <summary>
/// Stands between the chain watcher and the pool registry: every pool the watcher reports or a restart restores joins the
/// <see cref="AllowList"/>, and a re-resolved manager replaces the old one, before the registry (and so any tracker, duty
/// or gate) hears of it. Everything is passed on unchanged, with its sender, so asks to the registry are answered as before.
/// Pools are never removed, as the registry never forgets one (a pool only seen on a dropped branch stays known there too).
/// </summary>
public sealed class AllowListFeed : ReceiveActor
{
    /// <summary>Creates the feed.</summary>
    /// <param name="allowList">The list to keep current.</param>
    /// <param name="registry">Where everything goes on to.</param>
    public AllowListFeed(AllowList allowList, IActorRef registry)
    {
        ArgumentNullException.ThrowIfNull(allowList);
        ArgumentNullException.ThrowIfNull(registry);
        ReceiveAny(m =>
        {
            Learn(allowList, m);
            registry.Forward(m);
        });
    }

    /// <summary>Props for the feed.</summary>
    public static Props Props(AllowList allowList, IActorRef registry) => Akka.Actor.Props.Create(() => new AllowListFeed(allowList, registry));

    private static void Learn(AllowList allowList, object message)
    {
        switch (message)
        {
            case WatcherEvents m:
                Learn(allowList, m.Events);
                break;
            case WatcherEvent m:
                Learn(allowList, [m]);
                break;
            case RestoreTrackers m:
                allowList.AddMegapools(m.Megapools);
                allowList.AddMinipools(m.Minipools);
                break;
        }
    }

    private static void Learn(AllowList allowList, IReadOnlyList<WatcherEvent> events)
    {
        allowList.AddMegapools(events.OfType<MegapoolValidatorRead>().Select(e => e.Megapool));
        allowList.AddMinipools(events.OfType<MinipoolRead>().Select(e => e.State.Minipool));
        if (events.OfType<DeploymentChanged>().LastOrDefault() is { } changed)
        {
            allowList.UseMegapoolManager(changed.Deployment.MegapoolManager);
        }
    }
}
