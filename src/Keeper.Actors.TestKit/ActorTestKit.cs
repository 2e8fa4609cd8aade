using Keeper.Actors.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace Keeper.Actors.TestKit;

/// <summary>
/// Base class for actor tests under xunit: an <see cref="ActorSystem"/> on a <see cref="ManualClock"/> that only
/// the test moves, a capturing logger, probes, and quiescence. Nothing here sleeps: expectations wait for
/// messages with a real-time guard (<see cref="DefaultTimeout"/>, 3 s) that only turns a hang into a failure.
/// The system is shut down when the test ends.
/// </summary>
public abstract class ActorTestKit : IAsyncLifetime
{
    /// <summary>Where every test's clock starts: 2026-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private int _probes;

    /// <summary>Creates the system; <paramref name="settings"/> may change anything but the clock, logging and idle tracking.</summary>
    protected ActorTestKit(ITestOutputHelper? output = null, ActorSystemSettings? settings = null)
    {
        Clock = new ManualClock(DefaultStart);
        Logs = new TestLoggerFactory(output);
        Sys = ActorSystem.Create("test", (settings ?? new ActorSystemSettings()) with
        {
            TimeProvider = Clock,
            LoggerFactory = Logs,
            TrackIdle = true,
        });
    }

    /// <summary>The system under test.</summary>
    protected ActorSystem Sys { get; }

    /// <summary>The system's clock; only the test moves it.</summary>
    protected ManualClock Clock { get; }

    /// <summary>Everything logged so far.</summary>
    protected TestLoggerFactory Logs { get; }

    /// <summary>The real-time guard for expectations and quiescence. Default 3 s.</summary>
    protected TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Creates a probe (an actor under <c>/user</c>).</summary>
    protected TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, name ?? $"probe-{Interlocked.Increment(ref _probes)}", DefaultTimeout);

    /// <summary>Waits until every mailbox is idle: all messages sent so far are processed.</summary>
    protected Task QuiesceAsync() => TestProbe.QuiesceAsync(Sys, DefaultTimeout);

    /// <summary>
    /// Moves the clock forward by <paramref name="by"/>, firing due timers one at a time in due order and letting
    /// the system become idle after each, so that a timer an actor starts in reaction is measured from the right
    /// moment and fires in turn if it falls due within the step.
    /// </summary>
    protected async Task AdvanceAsync(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The clock only moves forward.");
        }

        var target = Clock.GetUtcNow() + by;
        await QuiesceAsync().ConfigureAwait(false);
        while (Clock.TryFireNext(target))
        {
            await QuiesceAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        using var guard = new CancellationTokenSource(DefaultTimeout);
        try
        {
            await Sys.TerminateAsync(Timeout.InfiniteTimeSpan, guard.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested)
        {
            throw new ExpectationFailedException($"The actor system did not shut down within {DefaultTimeout}: an actor is stuck in a handler or a stop hook.");
        }
    }
}
