using Keeper.Actors.Runtime;
using Keeper.Actors.TestKit;
using Xunit;

namespace Keeper.Actors.Tests.Runtime;

public sealed class AskTests : ActorTestKit
{
    [Fact]
    public async Task Ask_ActorReplies_ReturnsTheReply()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Responder()), "responder");

        var reply = await actor.Ask<Pong>(new Ping(7), TimeSpan.FromSeconds(5));

        Assert.Equal(new Pong(7), reply);
    }

    [Fact]
    public async Task Ask_NoReply_ThrowsAskTimeoutExceptionOnlyWhenTheClockPassesTheTimeout()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Responder()), "responder");

        var asking = actor.Ask<Pong>(new Ignore(), TimeSpan.FromSeconds(5));
        await AdvanceAsync(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        Assert.False(asking.IsCompleted);
        await AdvanceAsync(TimeSpan.FromTicks(1));

        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => asking);
        Assert.Equal("Ask of Ignore to keeper://test/user/responder got no reply within 00:00:05.", error.Message);
    }

    [Fact]
    public async Task Ask_Cancelled_ThrowsOperationCanceledException()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Responder()), "responder");
        using var cancellation = new CancellationTokenSource();

        var asking = actor.Ask<Pong>(new Ignore(), TimeSpan.FromSeconds(5), cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking);
    }

    [Fact]
    public async Task Ask_ReplyOfAnotherType_ThrowsInvalidCastExceptionNamingBoth()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Responder()), "responder");

        var error = await Assert.ThrowsAsync<InvalidCastException>(() => actor.Ask<string>(new Ping(1), TimeSpan.FromSeconds(5)));

        Assert.Contains("expected a reply of type String but got Pong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_StatusFailureReply_ThrowsItsCause()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Responder()), "responder");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => actor.Ask<Pong>(new Refuse(), TimeSpan.FromSeconds(5)));

        Assert.Equal("refused", error.Message);
    }

    [Fact]
    public async Task Ask_StoppedActor_TimesOutAndCountsADeadLetter()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Responder()), "responder");
        Assert.True(await actor.GracefulStop(TimeSpan.FromSeconds(5)));

        var asking = actor.Ask<Pong>(new Ping(1), TimeSpan.FromSeconds(1));
        await AdvanceAsync(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<AskTimeoutException>(() => asking);
        Assert.Equal(1, Sys.DeadLetterCount);
    }

    private sealed record Ping(int Id);

    private sealed record Pong(int Id);

    private sealed record Ignore;

    private sealed record Refuse;

    private sealed class Responder : ReceiveActor
    {
        public Responder()
        {
            Receive<Ping>(p => Sender.Tell(new Pong(p.Id), Self));
            Receive<Ignore>(_ => { });
            Receive<Refuse>(_ => Sender.Tell(new StatusFailure(new InvalidOperationException("refused")), Self));
        }
    }
}
