namespace Keeper.Actors.Runtime;

/// <summary>
/// A child's restarts in its current window, kept by its parent. Immutable: <see cref="Request"/> returns the
/// decision and the statistics that follow from it.
/// </summary>
/// <param name="Count">Restarts counted in the current window.</param>
/// <param name="WindowStart">When the current window opened; null before the first failure.</param>
public sealed record RestartStatistics(int Count, DateTimeOffset? WindowStart)
{
    /// <summary>No failures yet.</summary>
    public static RestartStatistics None { get; } = new(0, null);

    /// <summary>
    /// Decides whether a restart requested at <paramref name="now"/> is allowed under <paramref name="strategy"/>,
    /// and after what delay. A failure after the window has passed opens a new window.
    /// </summary>
    public RestartDecision Request(DateTimeOffset now, SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var windowOpen = WindowStart is { } start
            && (strategy.Window == Timeout.InfiniteTimeSpan || now - start <= strategy.Window);
        var next = windowOpen ? this with { Count = Count + 1 } : new RestartStatistics(1, now);
        var allowed = strategy.MaxRetries < 0 || next.Count <= strategy.MaxRetries;
        return new RestartDecision(allowed, allowed ? strategy.BackoffFor(next.Count) : TimeSpan.Zero, next);
    }
}
