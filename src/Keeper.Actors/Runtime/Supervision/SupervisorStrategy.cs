namespace Keeper.Actors.Runtime;

/// <summary>
/// How a parent treats its failing children, one child at a time. A restart is allowed while the child has
/// restarted at most <see cref="MaxRetries"/> times within <see cref="Window"/>; past that the child is stopped.
/// With a backoff, the n-th restart in a window waits <c>min(MaxBackoff, MinBackoff * 2^(n-1))</c>, during which
/// the child stays suspended and its mailbox keeps the messages that arrive.
/// </summary>
public sealed class SupervisorStrategy
{
    /// <summary>Creates a strategy.</summary>
    /// <param name="maxRetries">Restarts allowed within the window; -1 for no limit, 0 to stop at the first failure.</param>
    /// <param name="window">The window the restarts are counted in; <see cref="Timeout.InfiniteTimeSpan"/> for the child's whole life.</param>
    /// <param name="decider">Maps an exception to a directive; null for <see cref="DefaultDecider"/>.</param>
    /// <param name="minBackoff">The delay before the first restart in a window; zero for none.</param>
    /// <param name="maxBackoff">The longest delay; must be at least <paramref name="minBackoff"/>.</param>
    public SupervisorStrategy(
        int maxRetries = -1,
        TimeSpan? window = null,
        Func<Exception, Directive>? decider = null,
        TimeSpan? minBackoff = null,
        TimeSpan? maxBackoff = null)
    {
        var w = window ?? Timeout.InfiniteTimeSpan;
        var min = minBackoff ?? TimeSpan.Zero;
        var max = maxBackoff ?? min;
        if (maxRetries < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRetries), maxRetries, "maxRetries must be -1 (no limit) or at least 0.");
        }

        if (w <= TimeSpan.Zero && w != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(window), w, "The window must be positive, or Timeout.InfiniteTimeSpan to count restarts over the child's whole life.");
        }

        if (min < TimeSpan.Zero || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBackoff), max, $"Backoff needs 0 <= minBackoff <= maxBackoff; got minBackoff {min} and maxBackoff {max}.");
        }

        MaxRetries = maxRetries;
        Window = w;
        Decider = decider ?? DefaultDecider;
        MinBackoff = min;
        MaxBackoff = max;
    }

    /// <summary>Restart on any exception except a failed construction (stop), without limit or backoff.</summary>
    public static SupervisorStrategy Default { get; } = new();

    /// <summary>Stop on any exception.</summary>
    public static SupervisorStrategy Stopping { get; } = new(decider: static _ => Directive.Stop);

    /// <summary>Restarts allowed within <see cref="Window"/>; -1 for no limit.</summary>
    public int MaxRetries { get; }

    /// <summary>The window restarts are counted in; infinite for the child's whole life.</summary>
    public TimeSpan Window { get; }

    /// <summary>Maps an exception to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>The delay before the first restart in a window.</summary>
    public TimeSpan MinBackoff { get; }

    /// <summary>The longest delay before a restart.</summary>
    public TimeSpan MaxBackoff { get; }

    /// <summary>Stop when the actor could not be constructed (a restart would fail the same way); restart otherwise.</summary>
    public static Directive DefaultDecider(Exception exception) =>
        exception is ActorInitializationException ? Directive.Stop : Directive.Restart;

    /// <summary>The delay before the restart numbered <paramref name="restartInWindow"/> (1-based) in the current window.</summary>
    public TimeSpan BackoffFor(int restartInWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(restartInWindow, 1);
        if (MinBackoff == TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        // Doubling past 2^40 of any positive tick count exceeds every sensible maximum; stop before overflow.
        var exponent = Math.Min(restartInWindow - 1, 40);
        var ticks = MinBackoff.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}
