namespace Keeper.Actors.TestKit;

/// <summary>
/// A <see cref="TimeProvider"/> that moves only when told to. Its timers (and so the actor system's scheduler,
/// <c>Task.Delay(t, clock)</c> and anything else built on it) fire only inside <see cref="Advance"/>, one at a
/// time, in order of due time (ties in the order they were armed), with the clock set to each timer's due time
/// as it fires. A timer due now fires at the next <see cref="Advance"/>, even <c>Advance(TimeSpan.Zero)</c>.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly SortedSet<ManualTimer> _armed = new(ManualTimer.DueOrder);
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>Creates a clock that reads <paramref name="start"/>.</summary>
    public ManualClock(DateTimeOffset start)
    {
        _now = start;
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Ticks per second of <see cref="GetTimestamp"/>: timestamps are the clock's UTC ticks.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>How many timers are armed.</summary>
    public int ArmedTimers
    {
        get
        {
            lock (_gate)
            {
                return _armed.Count;
            }
        }
    }

    /// <summary>When the next armed timer is due, or null.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                return _armed.Count == 0 ? null : new DateTimeOffset(_armed.Min!.DueTicks, TimeSpan.Zero);
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="by"/>, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The clock only moves forward.");
        }

        var target = GetUtcNow() + by;
        while (TryFireNext(target))
        {
        }
    }

    /// <summary>
    /// Fires the earliest timer due at or before <paramref name="target"/>, setting the clock to its due time, and
    /// returns true; or, if none is due, sets the clock to <paramref name="target"/> and returns false.
    /// </summary>
    public bool TryFireNext(DateTimeOffset target)
    {
        ManualTimer timer;
        lock (_gate)
        {
            if (target < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(target), target, $"The clock reads {_now:O} and only moves forward.");
            }

            if (_armed.Count == 0 || _armed.Min!.DueTicks > target.UtcTicks)
            {
                _now = target;
                return false;
            }

            timer = _armed.Min;
            _armed.Remove(timer);
            _now = new DateTimeOffset(Math.Max(_now.UtcTicks, timer.DueTicks), TimeSpan.Zero);
            if (timer.PeriodTicks > 0)
            {
                timer.DueTicks += timer.PeriodTicks;
                timer.Sequence = ++_sequence;
                _armed.Add(timer);
            }
            else
            {
                timer.Armed = false;
            }
        }

        // Outside the lock: a callback may arm, change or dispose timers.
        timer.Callback(timer.State);
        return true;
    }

    internal void Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            Disarm(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            if (dueTime < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A due time must not be negative (or Timeout.InfiniteTimeSpan).");
            }

            timer.DueTicks = _now.UtcTicks + dueTime.Ticks;
            timer.PeriodTicks = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks;
            timer.Sequence = ++_sequence;
            timer.Armed = true;
            _armed.Add(timer);
        }
    }

    internal void Disarm(ManualTimer timer)
    {
        lock (_gate)
        {
            if (timer.Armed)
            {
                _armed.Remove(timer);
                timer.Armed = false;
            }
        }
    }
}
