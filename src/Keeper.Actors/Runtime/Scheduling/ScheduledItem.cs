namespace Keeper.Actors.Runtime;

/// <summary>
/// One scheduled item on a <see cref="TimeProvider"/> timer. The deadline is kept on the provider's timestamp
/// clock and the timer is re-armed with what remains until it is reached, so a timer may never fire early, long
/// delays are split, and a repeating item keeps to <c>start + k * interval</c> without drift.
/// </summary>
internal sealed class ScheduledItem : ICancelable
{
    private readonly TimeProviderScheduler _scheduler;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly TimeSpan _interval;
    private readonly object _work;
    private readonly Lock _gate = new();
    private TimeSpan _dueOffset;
    private ITimer? _timer;
    private bool _cancelled;

    private ScheduledItem(TimeProviderScheduler scheduler, TimeSpan delay, TimeSpan interval, object work)
    {
        _scheduler = scheduler;
        _time = scheduler.TimeProvider;
        _start = _time.GetTimestamp();
        _dueOffset = delay;
        _interval = interval;
        _work = work;
    }

    public bool IsCancellationRequested
    {
        get
        {
            lock (_gate)
            {
                return _cancelled;
            }
        }
    }

    public static ScheduledItem Start(TimeProviderScheduler scheduler, TimeSpan delay, TimeSpan interval, object work)
    {
        var item = new ScheduledItem(scheduler, delay, interval, work);
        lock (item._gate)
        {
            // Created disarmed and armed under the lock so the callback never sees a missing timer.
            item._timer = item._time.CreateTimer(static s => ((ScheduledItem)s!).OnTimer(), item, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            item.Arm(delay);
        }

        return item;
    }

    public void Cancel()
    {
        lock (_gate)
        {
            _cancelled = true;
            _timer?.Dispose();
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_cancelled)
            {
                return;
            }

            var remaining = _dueOffset - _time.GetElapsedTime(_start);
            if (remaining > TimeSpan.Zero)
            {
                Arm(remaining);
                return;
            }
        }

        _scheduler.Run(_work);

        lock (_gate)
        {
            if (_cancelled)
            {
                return;
            }

            if (_interval == TimeSpan.Zero)
            {
                _cancelled = true;
                _timer!.Dispose();
                return;
            }

            _dueOffset += _interval;
            var remaining = _dueOffset - _time.GetElapsedTime(_start);
            Arm(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        }
    }

    private void Arm(TimeSpan delay) =>
        _timer!.Change(delay > TimeProviderScheduler.MaxTimerDelay ? TimeProviderScheduler.MaxTimerDelay : delay, Timeout.InfiniteTimeSpan);
}
