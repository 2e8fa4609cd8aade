namespace Keeper.Actors.Runtime;

/// <summary>The per-actor timers; touched only from the actor's own run, so it needs no locks.</summary>
internal sealed class TimerScheduler : ITimerScheduler
{
    private readonly ActorCell _cell;
    private readonly Dictionary<object, Entry> _timers = [];
    private int _generation;

    public TimerScheduler(ActorCell cell)
    {
        _cell = cell;
    }

    public IReadOnlyCollection<object> ActiveTimers => [.. _timers.Keys];

    public void StartSingleTimer(object key, object message, TimeSpan delay) => Start(key, message, delay, TimeSpan.Zero);

    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => Start(key, message, interval, interval);

    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A periodic timer's interval must be positive.");
        }

        Start(key, message, initialDelay, interval);
    }

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var entry))
        {
            entry.Handle.Cancel();
        }
    }

    public void CancelAll()
    {
        foreach (var entry in _timers.Values)
        {
            entry.Handle.Cancel();
        }

        _timers.Clear();
    }

    /// <summary>
    /// Unwraps a timer message if it belongs to an active timer; a single timer is done once delivered.
    /// </summary>
    public bool TryAccept(TimerMessage message, out object payload)
    {
        if (_timers.TryGetValue(message.Key, out var entry) && entry.Generation == message.Generation)
        {
            if (!entry.Periodic)
            {
                _timers.Remove(message.Key);
            }

            payload = message.Message;
            return true;
        }

        payload = message;
        return false;
    }

    private void Start(object key, object message, TimeSpan delay, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        Cancel(key);
        var generation = ++_generation;
        var tagged = new TimerMessage(key, generation, message);
        var scheduler = _cell.System.Scheduler;
        var handle = interval == TimeSpan.Zero
            ? scheduler.ScheduleTellOnce(delay, _cell.Self, tagged, null)
            : scheduler.ScheduleTellRepeatedly(delay, interval, _cell.Self, tagged, null);
        _timers[key] = new Entry(generation, interval != TimeSpan.Zero, handle);
    }

    private sealed record Entry(int Generation, bool Periodic, ICancelable Handle);
}
