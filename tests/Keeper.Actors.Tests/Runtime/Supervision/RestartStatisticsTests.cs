using Keeper.Actors.Runtime;
using Xunit;

namespace Keeper.Actors.Tests.Runtime.Supervision;

public sealed class RestartStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Request_WithinTheLimit_IsAllowedAndCounted()
    {
        var strategy = new SupervisorStrategy(maxRetries: 2, window: TimeSpan.FromMinutes(1));

        var first = RestartStatistics.None.Request(T0, strategy);
        var second = first.Statistics.Request(T0.AddSeconds(30), strategy);
        var third = second.Statistics.Request(T0.AddSeconds(60), strategy);

        Assert.Equal(new RestartDecision(true, TimeSpan.Zero, new RestartStatistics(1, T0)), first);
        Assert.Equal(new RestartDecision(true, TimeSpan.Zero, new RestartStatistics(2, T0)), second);
        Assert.False(third.Allowed);
        Assert.Equal(new RestartStatistics(3, T0), third.Statistics);
    }

    [Fact]
    public void Request_AfterTheWindow_OpensANewWindow()
    {
        var strategy = new SupervisorStrategy(maxRetries: 1, window: TimeSpan.FromMinutes(1));
        var first = RestartStatistics.None.Request(T0, strategy);

        var later = first.Statistics.Request(T0.AddMinutes(1).AddTicks(1), strategy);

        Assert.True(later.Allowed);
        Assert.Equal(new RestartStatistics(1, T0.AddMinutes(1).AddTicks(1)), later.Statistics);
    }

    [Fact]
    public void Request_ZeroRetries_IsNeverAllowed()
    {
        var decision = RestartStatistics.None.Request(T0, new SupervisorStrategy(maxRetries: 0));

        Assert.False(decision.Allowed);
    }

    [Fact]
    public void Request_NoLimit_IsAlwaysAllowed()
    {
        var stats = RestartStatistics.None;
        for (var i = 0; i < 1_000; i++)
        {
            var decision = stats.Request(T0.AddDays(i), SupervisorStrategy.Default);
            Assert.True(decision.Allowed);
            stats = decision.Statistics;
        }

        Assert.Equal(1_000, stats.Count);
    }

    [Fact]
    public void Request_WithBackoff_DelayDoublesFromTheMinimumUpToTheMaximum()
    {
        var strategy = new SupervisorStrategy(minBackoff: TimeSpan.FromMilliseconds(100), maxBackoff: TimeSpan.FromSeconds(1));
        var stats = RestartStatistics.None;
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            var decision = stats.Request(T0, strategy);
            delays.Add(decision.Delay);
            stats = decision.Statistics;
        }

        Assert.Equal([100, 200, 400, 800, 1000, 1000], delays.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public void BackoffFor_VeryManyRestarts_DoesNotOverflow()
    {
        var strategy = new SupervisorStrategy(minBackoff: TimeSpan.FromDays(1), maxBackoff: TimeSpan.FromDays(7));

        Assert.Equal(TimeSpan.FromDays(7), strategy.BackoffFor(int.MaxValue));
    }

    [Theory]
    [InlineData(-2, 60, 0, 0)]
    [InlineData(1, -1, 0, 0)]
    [InlineData(1, 60, 2, 1)]
    [InlineData(1, 60, -1, 0)]
    public void Constructor_InvalidArguments_Throw(int maxRetries, int windowSeconds, int minSeconds, int maxSeconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SupervisorStrategy(
            maxRetries, TimeSpan.FromSeconds(windowSeconds), null, TimeSpan.FromSeconds(minSeconds), TimeSpan.FromSeconds(maxSeconds)));
    }

    [Fact]
    public void DefaultDecider_InitializationFailure_Stops()
    {
        var failure = new ActorInitializationException(ActorPath.Root("x"), new InvalidOperationException("ctor"));

        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(failure));
        Assert.Equal(Directive.Restart, SupervisorStrategy.DefaultDecider(new InvalidOperationException()));
    }
}
