using Akka.Actor;
using Keeper.Actors.Tracking;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Testing.Tracking;

/// <summary>
/// Barriers for tests of the tracking actors: each returns once an actor has handled everything sent to it before the
/// call, proved by a reply that comes through the actor's mailbox in order, never by waiting a while. The timeout is a
/// real-time guard that only turns a hang into a failure.
/// </summary>
public static class TrackingBarriers
{
    /// <summary>
    /// Waits until the tracker shard of <paramref name="pool"/> has handled every message routed to it so far, and returns
    /// it. The registry names the shard only after routing what it was told before; the shard then answers in mailbox order.
    /// </summary>
    public static async Task<IActorRef> TrackerIdleAsync(ActorSystem system, IActorRef registry, Address pool, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var tracker = await registry.Ask<TrackerOf>(new GetTrackerOf(pool), timeout);
        var shard = tracker.Tracker ?? throw new InvalidOperationException($"Expected a live tracker shard for {pool.ToLowerHex()}, but the registry has none (passivated).");
        return await IdleAsync(system, shard.Path, timeout);
    }

    /// <summary>
    /// Waits until the actor at <paramref name="path"/> has handled every message sent to it so far, including those it
    /// sent itself when it started (a shard's snapshot loads, and the messages it stashed meanwhile), and returns it.
    /// </summary>
    /// <remarks>
    /// <see cref="Identify"/> is answered in mailbox order and never stashed. The first answer proves the actor has started,
    /// so whatever its constructor or PreStart sent itself is queued; the second ask is queued behind that. An asynchronous
    /// handler holds the mailbox until it finishes, and a tracker that unstashes puts the stashed messages back at the head
    /// of its mailbox: when the second answer comes, all of them have been handled.
    /// </remarks>
    public static async Task<IActorRef> IdleAsync(ActorSystem system, ActorPath path, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(system);
        var selection = system.ActorSelection(path);
        await IdentifyAsync(selection, path, timeout);
        return await IdentifyAsync(selection, path, timeout);
    }

    /// <summary>
    /// The registry's counts once it has also handled the death of every tracker that stopped before the call (for
    /// instance, one whose <c>Terminated</c> a test probe just received).
    /// </summary>
    /// <remarks>
    /// A stopped child tells its parent with a system message before it tells its other watchers, and the parent queues
    /// the <c>Terminated</c> for itself, behind whatever ordinary messages already wait, only when it handles that system
    /// message. System messages are handled before the next ordinary message, so the first ask is answered after it; the
    /// second ask is queued behind the <c>Terminated</c>.
    /// </remarks>
    public static async Task<RegistryStats> RegistryStatsAsync(IActorRef registry, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(registry);
        await registry.Ask<RegistryStats>(GetRegistryStats.Instance, timeout);
        return await registry.Ask<RegistryStats>(GetRegistryStats.Instance, timeout);
    }

    private static async Task<IActorRef> IdentifyAsync(ActorSelection selection, ActorPath path, TimeSpan timeout)
    {
        var identity = await selection.Ask<ActorIdentity>(new Identify(path.ToString()), timeout);
        return identity.Subject ?? throw new InvalidOperationException($"Expected a live actor at {path}, but none answered.");
    }
}
