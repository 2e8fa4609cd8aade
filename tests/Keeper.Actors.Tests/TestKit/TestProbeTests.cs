using Keeper.Actors.TestKit;
using Xunit;

namespace Keeper.Actors.Tests.TestKit;

public sealed class TestProbeTests : ActorTestKit
{
    [Fact]
    public async Task ExpectMsgAsync_WrongType_FailsSayingWhatWasExpectedAndWhatCame()
    {
        var probe = CreateTestProbe("probe");
        probe.Ref.Tell(new Sample(1));

        var error = await Assert.ThrowsAsync<ExpectationFailedException>(() => probe.ExpectMsgAsync<string>());

        Assert.StartsWith("Expected a message of type String, but received Sample Sample { Value = 1 } from keeper://test/deadLetters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAsync_PredicateFails_NamesTheHint()
    {
        var probe = CreateTestProbe();
        probe.Ref.Tell(new Sample(1));

        var error = await Assert.ThrowsAsync<ExpectationFailedException>(() => probe.ExpectMsgAsync<Sample>(s => s.Value == 2, "Value == 2"));

        Assert.StartsWith("Expected a message of type Sample matching Value == 2, but received Sample", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectMsgAsync_NothingArrives_FailsAfterTheRealTimeGuard()
    {
        var probe = CreateTestProbe();

        var error = await Assert.ThrowsAsync<ExpectationFailedException>(() => probe.ExpectMsgAsync<Sample>(timeout: TimeSpan.FromMilliseconds(50)));

        Assert.Equal("Expected a message of type Sample within 00:00:00.0500000, but no message arrived.", error.Message);
    }

    [Fact]
    public async Task ExpectNoMsgAsync_MessageWaiting_Fails()
    {
        var probe = CreateTestProbe();
        probe.Ref.Tell(new Sample(3));

        var error = await Assert.ThrowsAsync<ExpectationFailedException>(() => probe.ExpectNoMsgAsync());

        Assert.StartsWith("Expected no message, but received Sample Sample { Value = 3 }", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FishForMessageAsync_SkipsUntilTheTargetArrives()
    {
        var probe = CreateTestProbe();
        foreach (var value in new[] { 1, 2, 3, 4 })
        {
            probe.Ref.Tell(new Sample(value));
        }

        var found = await probe.FishForMessageAsync<Sample>(s => s.Value == 3);

        Assert.Equal(new Sample(3), found);
        Assert.Equal(new Sample(4), await probe.ExpectMsgAsync<Sample>());
    }

    [Fact]
    public async Task ReceiveNAsync_TooFewMessages_FailsListingWhatCame()
    {
        var probe = CreateTestProbe();
        probe.Ref.Tell(new Sample(1));

        var error = await Assert.ThrowsAsync<ExpectationFailedException>(() => probe.ReceiveNAsync(2, TimeSpan.FromMilliseconds(50)));

        Assert.Equal("Expected 2 messages within 00:00:00.0500000, but received 1: Sample { Value = 1 }", error.Message);
    }

    [Fact]
    public async Task WithinAsync_MessageArrivesInsideTheRange_Passes()
    {
        var probe = CreateTestProbe();
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), probe.Ref, new Sample(1), null);

        var sample = await probe.WithinAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), async () =>
        {
            await AdvanceAsync(TimeSpan.FromSeconds(10));
            return await probe.ExpectMsgAsync<Sample>();
        });

        Assert.Equal(new Sample(1), sample);
    }

    [Fact]
    public async Task WithinAsync_MessageArrivesTooLate_FailsWithTheElapsedTime()
    {
        var probe = CreateTestProbe();
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(5), probe.Ref, new Sample(1), null);

        var error = await Assert.ThrowsAsync<ExpectationFailedException>(() => probe.WithinAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), async () =>
        {
            await AdvanceAsync(TimeSpan.FromSeconds(10));
            await probe.ExpectMsgAsync<Sample>();
        }));

        Assert.Contains("between 00:00:01 and 00:00:03", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("but it took 00:00:05.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_AfterAMessage_GoesToItsSender()
    {
        var probe = CreateTestProbe();
        var other = CreateTestProbe();
        other.Send(probe.Ref, new Sample(1));
        await probe.ExpectMsgAsync<Sample>();

        probe.Reply(new Sample(2));

        Assert.Equal(new Sample(2), await other.ExpectMsgAsync<Sample>());
        Assert.Same(probe.Ref, other.LastSender);
    }

    private sealed record Sample(int Value);
}
