using Keeper.Actors.Tracking;
using Keeper.Testing.Logging;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Keeper.Actors.Tests.Tracking;

public sealed class PollStreakTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void AFailingStreak_OneWarningDebugLinesInBetweenAndOneLineWhenItWorksAgain()
    {
        var log = new CollectingLogger<PollStreakTests>();
        var polls = new PollStreak("the chain");

        polls.Succeeded(log, T0);
        polls.Failed(log, T0.AddSeconds(1), "connection refused");
        polls.Failed(log, T0.AddSeconds(2), "connection refused");
        polls.Failed(log, T0.AddSeconds(3), "timeout");
        polls.Succeeded(log, T0.AddSeconds(4.5));
        polls.Succeeded(log, T0.AddSeconds(5));

        Assert.Equal(
            [
                (LogLevel.Warning, "Polling the chain failed; retrying at every poll, and saying so once it works again: connection refused"),
                (LogLevel.Debug, "Polling the chain failed again (2 in a row): connection refused"),
                (LogLevel.Debug, "Polling the chain failed again (3 in a row): timeout"),
                (LogLevel.Information, "Polling the chain works again, after 3 failed polls over 3.5 s"),
            ],
            log.Entries.Select(e => (e.Level, e.Message)));
        Assert.Equal(T0.AddSeconds(5), polls.LastSucceeded);
    }

    [Fact]
    public void NoPollYet_NoLastSuccess()
    {
        var polls = new PollStreak("the C-Chain for GoGoPool");

        polls.Failed(new CollectingLogger<PollStreakTests>(), T0, "down");

        Assert.Null(polls.LastSucceeded);
    }
}
