using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Tracking;

/// <summary>
/// A watcher actor's polls as its operator hears of them: one warning when they start failing, one line when they work
/// again (with how many failed and for how long), each failure in between at debug level; and when the last one succeeded,
/// for the status board. Logged under the watcher's own category, naming what it polls.
/// </summary>
/// <param name="what">What is polled, as the lines say it: "the chain", "the C-Chain for GoGoPool".</param>
public sealed partial class PollStreak(string what)
{
    private int _failed;
    private DateTimeOffset _failingSince;

    /// <summary>
    /// How long a watcher waits before its next poll: after a new head, most of a slot (no block comes sooner), unless
    /// the poll interval is longer; otherwise the poll interval, until the next head.
    /// </summary>
    /// <param name="newHead">The poll just made found a new head.</param>
    /// <param name="pollInterval">The configured poll interval.</param>
    /// <param name="slot">The chain's block interval, when known.</param>
    public static TimeSpan NextPollIn(bool newHead, TimeSpan pollInterval, TimeSpan? slot) =>
        newHead && slot is { } s && s * 0.85 > pollInterval ? s * 0.85 : pollInterval;

    /// <summary>When a poll last succeeded, or null before the first.</summary>
    public DateTimeOffset? LastSucceeded { get; private set; }

    /// <summary>A poll succeeded at <paramref name="now"/>; ends a failing streak with one line.</summary>
    public void Succeeded(ILogger log, DateTimeOffset now)
    {
        LastSucceeded = now;
        if (_failed > 0)
        {
            LogWorksAgain(log, what, _failed, (now - _failingSince).TotalSeconds);
            _failed = 0;
        }
    }

    /// <summary>A poll failed at <paramref name="now"/> for <paramref name="reason"/>; the first of a streak is a warning.</summary>
    public void Failed(ILogger log, DateTimeOffset now, string reason)
    {
        if (_failed++ == 0)
        {
            _failingSince = now;
            LogFailed(log, what, reason);
        }
        else
        {
            LogStillFailing(log, what, _failed, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {What} failed; retrying at every poll, and saying so once it works again: {Reason}")]
    private static partial void LogFailed(ILogger logger, string what, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Polling {What} failed again ({Count} in a row): {Reason}")]
    private static partial void LogStillFailing(ILogger logger, string what, int count, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling {What} works again, after {Count} failed polls over {Seconds:0.#} s")]
    private static partial void LogWorksAgain(ILogger logger, string what, int count, double seconds);
}
