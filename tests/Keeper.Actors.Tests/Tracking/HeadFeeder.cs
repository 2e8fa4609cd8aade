using Akka.Actor;
using Keeper.Chain.Primitives;
using Keeper.Chain.Watching;

namespace Keeper.Actors.Tests.Tracking;

/// <summary>
/// A simulated chain for actor tests, on the system's scheduler (the TestScheduler, so on virtual time): once told
/// <see cref="FeedEvery"/>, a periodic timer makes it tell the registry a new head every pace, each head one pace of chain
/// time and pace/slot block numbers after the previous one (the test keeps the pace a whole number of slots). Chain time thus moves with virtual time, on the slot grid.
/// The TestScheduler delivers a periodic timer at most once per <c>Advance</c>: advance by exactly one pace per head.
/// </summary>
internal sealed class HeadFeeder : ReceiveActor, IWithTimers
{
    private const string HeadTimer = "head";
    private readonly IActorRef _registry;
    private readonly ulong _slotSeconds;
    private BlockRef _head;
    private ulong _paceSeconds;

    /// <summary>Creates the feeder; <paramref name="start"/> is the head the chain starts at (it is not fed).</summary>
    public HeadFeeder(IActorRef registry, TimeSpan slot, BlockRef start)
    {
        _registry = registry;
        _slotSeconds = (ulong)slot.TotalSeconds;
        _head = start;
        Receive<FeedEvery>(OnFeedEvery);
        Receive<Tick>(_ => OnTick());
    }

    /// <summary>The actor's keyed timers (set by Akka).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    private void OnFeedEvery(FeedEvery m)
    {
        _paceSeconds = (ulong)m.Pace.TotalSeconds;
        Timers.StartPeriodicTimer(HeadTimer, Tick.Instance, m.Pace);
        Sender.Tell(_head, Self);
    }

    private void OnTick()
    {
        _head = new BlockRef(_head.Number + (_paceSeconds / _slotSeconds), Hash32.Zero, _head.Timestamp + _paceSeconds);
        _registry.Tell(new HeadAdvanced(_head), Self);
    }

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}
