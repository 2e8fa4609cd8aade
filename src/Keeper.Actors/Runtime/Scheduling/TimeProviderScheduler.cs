using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keeper.Actors.Runtime;

/// <summary>
/// An <see cref="IScheduler"/> on a <see cref="TimeProvider"/>'s timers. Delays of any length are allowed: a
/// delay past what one timer can hold (about 49 days) is covered by re-arming until the deadline is reached.
/// </summary>
public sealed partial class TimeProviderScheduler : IScheduler
{
    /// <summary>The longest due time a <see cref="TimeProvider"/> timer accepts (uint.MaxValue - 1 milliseconds).</summary>
    internal static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly ILogger _logger;

    /// <summary>Creates a scheduler on <paramref name="timeProvider"/>; failures of scheduled actions are logged to <paramref name="logger"/>.</summary>
    public TimeProviderScheduler(TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        ThrowIfNegative(delay, nameof(delay));
        return ScheduledItem.Start(this, delay, TimeSpan.Zero, new TellWork(receiver, message, sender));
    }

    /// <inheritdoc />
    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        ThrowIfNegative(initialDelay, nameof(initialDelay));
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A repeating interval must be positive.");
        }

        return ScheduledItem.Start(this, initialDelay, interval, new TellWork(receiver, message, sender));
    }

    /// <inheritdoc />
    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ThrowIfNegative(delay, nameof(delay));
        return ScheduledItem.Start(this, delay, TimeSpan.Zero, action);
    }

    internal void Run(object work)
    {
        try
        {
            if (work is TellWork tell)
            {
                tell.Receiver.Tell(tell.Message, tell.Sender);
            }
            else
            {
                ((Action)work)();
            }
        }
        catch (Exception ex)
        {
            // A timer thread has no caller to report to; log and keep the scheduler alive.
            LogScheduledActionFailed(_logger, ex);
        }
    }

    private static void ThrowIfNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "A delay must not be negative.");
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "A scheduled action failed")]
    private static partial void LogScheduledActionFailed(ILogger logger, Exception exception);

    private sealed record TellWork(IActorRef Receiver, object Message, IActorRef? Sender);
}
