using Akka.Actor;

namespace Keeper.Actors.Tests.Timing;

/// <summary>
/// A <see cref="TimeProvider"/> that reads the actor system's scheduler, so that the stores a test opens stamp times from
/// the same virtual clock (Akka's <c>TestScheduler</c>) that the actors read and that only the test moves.
/// </summary>
internal sealed class SchedulerClock(IScheduler scheduler) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => scheduler.Now;
}
