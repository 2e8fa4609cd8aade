namespace Keeper.Actors.TestKit;

/// <summary>A timer of a <see cref="ManualClock"/>; its due time and order are guarded by the clock's lock.</summary>
internal sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
{
    public static readonly IComparer<ManualTimer> DueOrder = Comparer<ManualTimer>.Create(static (a, b) =>
    {
        var byDue = a.DueTicks.CompareTo(b.DueTicks);
        return byDue != 0 ? byDue : a.Sequence.CompareTo(b.Sequence);
    });

    public TimerCallback Callback { get; } = callback;

    public object? State { get; } = state;

    public long DueTicks { get; set; }

    public long PeriodTicks { get; set; }

    public long Sequence { get; set; }

    public bool Armed { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        clock.Arm(this, dueTime, period);
        return true;
    }

    public void Dispose() => clock.Disarm(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
