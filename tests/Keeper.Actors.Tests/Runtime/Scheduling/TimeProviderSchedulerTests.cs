using Keeper.Actors.Runtime;
using Keeper.Actors.TestKit;
using Xunit;

namespace Keeper.Actors.Tests.Runtime.Scheduling;

public sealed class TimeProviderSchedulerTests
{
    private readonly ManualClock _clock = new(ActorTestKit.DefaultStart);

    [Fact]
    public void ScheduleOnce_DelayBeyondOneTimersRange_RunsExactlyAtTheDeadline()
    {
        var scheduler = new TimeProviderScheduler(_clock);
        var ran = new List<DateTimeOffset>();

        scheduler.ScheduleOnce(TimeSpan.FromDays(100), () => ran.Add(_clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromDays(100) - TimeSpan.FromTicks(1));
        Assert.Empty(ran);
        _clock.Advance(TimeSpan.FromTicks(1));

        Assert.Equal([ActorTestKit.DefaultStart + TimeSpan.FromDays(100)], ran);
        Assert.Equal(0, _clock.ArmedTimers);
    }

    [Fact]
    public void ScheduleTellRepeatedly_KeepsToTheGridAndStopsWhenCancelled()
    {
        var scheduler = new TimeProviderScheduler(_clock);
        var receiver = new RecordingRef(_clock);

        var handle = scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), receiver, "tick", null);
        _clock.Advance(TimeSpan.FromSeconds(30));
        handle.Cancel();
        _clock.Advance(TimeSpan.FromSeconds(30));

        var start = ActorTestKit.DefaultStart;
        Assert.Equal([start.AddSeconds(5), start.AddSeconds(15), start.AddSeconds(25)], receiver.At);
        Assert.True(handle.IsCancellationRequested);
        Assert.Equal(0, _clock.ArmedTimers);
    }

    [Fact]
    public void ScheduleOnce_ActionThrows_IsContainedAndLaterItemsStillRun()
    {
        var scheduler = new TimeProviderScheduler(_clock);
        var ran = false;

        scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => throw new InvalidOperationException("scheduled failure"));
        scheduler.ScheduleOnce(TimeSpan.FromSeconds(2), () => ran = true);
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.True(ran);
    }

    [Fact]
    public void ScheduleTellRepeatedly_NonPositiveInterval_Throws()
    {
        var scheduler = new TimeProviderScheduler(_clock);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.Zero, new RecordingRef(_clock), "x", null));
    }

    private sealed class RecordingRef(TimeProvider clock) : IActorRef
    {
        public List<DateTimeOffset> At { get; } = [];

        public ActorPath Path { get; } = ActorPath.Root("recording");

        public void Tell(object message, IActorRef? sender = null) => At.Add(clock.GetUtcNow());
    }
}
