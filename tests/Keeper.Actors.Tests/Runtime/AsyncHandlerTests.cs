using Keeper.Actors.Runtime;
using Keeper.Actors.TestKit;
using Xunit;

namespace Keeper.Actors.Tests.Runtime;

public sealed class AsyncHandlerTests : ActorTestKit
{
    [Fact]
    public async Task ReceiveAsync_WhileAwaiting_TheNextMessageDoesNotStart()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource();
        var actor = Sys.ActorOf(Props.Create(() => new Awaiter(probe.Ref)), "awaiter");

        actor.Tell(new Wait(gate.Task, "first"));
        actor.Tell(new Note("second"));
        Assert.Equal("first started", await probe.ExpectMsgAsync<string>());
        Assert.False(probe.HasMessages);
        gate.SetResult();

        Assert.Equal(["first done", "second"], await probe.ReceiveNAsync(2));
    }

    [Fact]
    public async Task ReceiveAsync_WhileOneActorAwaits_OtherActorsKeepWorking()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource();
        var waiting = Enumerable.Range(0, 50).Select(i => Sys.ActorOf(Props.Create(() => new Awaiter(probe.Ref)), $"waiting-{i}")).ToList();
        var free = Sys.ActorOf(Props.Create(() => new Awaiter(probe.Ref)), "free");

        foreach (var actor in waiting)
        {
            actor.Tell(new Wait(gate.Task, actor.Path.Name));
        }

        await probe.ReceiveNAsync(50);
        free.Tell(new Note("free actor still works"));

        Assert.Equal("free actor still works", await probe.ExpectMsgAsync<string>());
        gate.SetResult();
        await probe.ReceiveNAsync(50);
    }

    [Fact]
    public async Task ReceiveAsync_TaskFaults_TheActorIsSupervisedLikeASynchronousFailure()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource();
        var actor = Sys.ActorOf(Props.Create(() => new Awaiter(probe.Ref)), "awaiter");

        actor.Tell(new Wait(gate.Task, "doomed"));
        await probe.ExpectMsgAsync<string>();
        gate.SetException(new InvalidOperationException("async failure"));
        actor.Tell(new Note("after restart"));

        Assert.Equal("after restart", await probe.ExpectMsgAsync<string>());
        Assert.Contains(Logs.Entries, e => e.Exception?.Message == "async failure");
    }

    private sealed record Wait(Task Gate, string Name);

    private sealed record Note(string Text);

    private sealed class Awaiter : ReceiveActor
    {
        public Awaiter(IActorRef probe)
        {
            ReceiveAsync<Wait>(async w =>
            {
                probe.Tell($"{w.Name} started");
                await w.Gate;
                probe.Tell($"{w.Name} done");
            });
            Receive<Note>(n => probe.Tell(n.Text));
        }
    }
}
