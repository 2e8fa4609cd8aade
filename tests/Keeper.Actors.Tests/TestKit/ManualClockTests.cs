using Keeper.Actors.TestKit;
using Xunit;

namespace Keeper.Actors.Tests.TestKit;

public sealed class ManualClockTests
{
    private static readonly DateTimeOffset Start = ActorTestKit.DefaultStart;

    [Fact]
    public void Advance_TimersDueOnTheWay_FireInDueOrderWithTheClockAtEachDueTime()
    {
        var clock = new ManualClock(Start);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        using var tie = clock.CreateTimer(_ => fired.Add(("tie", clock.GetUtcNow())), null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal([("early", Start.AddSeconds(10)), ("tie", Start.AddSeconds(10)), ("late", Start.AddSeconds(30))], fired);
        Assert.Equal(Start.AddMinutes(1), clock.GetUtcNow());
    }

    [Fact]
    public void Advance_OneTickShortOfTheDueTime_DoesNotFire()
    {
        var clock = new ManualClock(Start);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromDays(28), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromDays(28) - TimeSpan.FromTicks(1));
        Assert.Equal(0, fired);
        clock.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(1, fired);
    }

    [Fact]
    public void Advance_PeriodicTimer_FiresOncePerPeriodCrossed()
    {
        var clock = new ManualClock(Start);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(10.5));

        Assert.Equal(10, fired);
    }

    [Fact]
    public void Dispose_BeforeDue_TimerNeverFires()
    {
        var clock = new ManualClock(Start);
        var fired = false;
        var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.False(fired);
        Assert.Equal(0, clock.ArmedTimers);
    }

    [Fact]
    public async Task TaskDelay_OnTheClock_CompletesOnlyWhenAdvanced()
    {
        var clock = new ManualClock(Start);

        var delay = Task.Delay(TimeSpan.FromHours(1), clock);
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromHours(1), clock.GetElapsedTime(Start.UtcTicks));
    }

    [Fact]
    public void Advance_Backwards_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ManualClock(Start).Advance(TimeSpan.FromTicks(-1)));
    }
}
