namespace Keeper.Actors.Runtime;

/// <summary>
/// The actor system's scheduler: actor timers, ask timeouts and restart backoffs all go through it. The
/// runtime's implementation runs on the system's <see cref="TimeProvider"/>, so a test that injects a manual
/// clock moves every scheduled item with it.
/// </summary>
public interface IScheduler
{
    /// <summary>The clock the scheduler runs on.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>Sends <paramref name="message"/> to <paramref name="receiver"/> once after <paramref name="delay"/>.</summary>
    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/> (no drift).</summary>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/>, on the timer's thread; it must not block.</summary>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);
}
