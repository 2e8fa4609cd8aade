using System.Collections.Concurrent;
using Keeper.Actors.Runtime;
using Keeper.Actors.TestKit;
using Xunit;

namespace Keeper.Actors.Tests.Runtime;

public sealed class ShutdownTests : ActorTestKit
{
    [Fact]
    public async Task TerminateAsync_ActorTree_StopsChildrenBeforeTheirParents()
    {
        var stopped = new ConcurrentQueue<string>();
        Sys.ActorOf(Props.Create(() => new Node(stopped, 2, 3)), "root");
        await QuiesceAsync();

        Assert.True(await Sys.TerminateAsync(TimeSpan.FromSeconds(10)));

        var order = stopped.ToList();
        Assert.Equal(1 + 3 + 9, order.Count);
        foreach (var path in order)
        {
            var parent = path[..path.LastIndexOf('/')];
            if (order.Contains(parent))
            {
                Assert.True(order.IndexOf(path) < order.IndexOf(parent), $"{path} stopped after its parent {parent}.");
            }
        }

        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task TerminateAsync_ActorStuckInAsyncHandler_ReturnsFalseWhenTheClockPassesTheTimeout()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource();
        var stuck = Sys.ActorOf(Props.Create(() => new Stuck(gate.Task, probe.Ref)), "stuck");
        stuck.Tell("hold");
        await probe.ExpectMsgAsync("hold");

        var terminating = Sys.TerminateAsync(TimeSpan.FromSeconds(10));
        Clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.False(terminating.IsCompleted);
        Clock.Advance(TimeSpan.FromTicks(1));

        Assert.False(await terminating);
        Assert.Contains(Logs.Entries, e => e.Message.Contains("did not stop within 00:00:10; still stopping: ", StringComparison.Ordinal) && e.Message.Contains("stuck", StringComparison.Ordinal));
        gate.SetResult();
        await Sys.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Stop_WhileBusy_PendingMessagesGoToDeadLetters()
    {
        var probe = CreateTestProbe();
        var gate = new TaskCompletionSource();
        var stuck = Sys.ActorOf(Props.Create(() => new Stuck(gate.Task, probe.Ref)), "stuck");
        stuck.Tell("hold");
        await probe.ExpectMsgAsync("hold");
        stuck.Tell("pending 1");
        stuck.Tell("pending 2");

        // The stop is queued before the handler completes, and a stop is processed ahead of user messages.
        probe.Watch(stuck);
        Sys.Stop(stuck);
        gate.SetResult();

        await probe.ExpectTerminatedAsync(stuck);
        Assert.Equal(2, Sys.DeadLetterCount);
        Assert.Equal(2, Logs.Entries.Count(e => e.Message.Contains("String from keeper://test/deadLetters to keeper://test/user/stuck", StringComparison.Ordinal)));
    }

    private sealed class Node : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _stopped;

        public Node(ConcurrentQueue<string> stopped, int depth, int fanOut)
        {
            _stopped = stopped;
            if (depth > 0)
            {
                for (var i = 0; i < fanOut; i++)
                {
                    Context.ActorOf(Props.Create(() => new Node(stopped, depth - 1, fanOut)), $"n{i}");
                }
            }

            ReceiveAny(_ => { });
        }

        protected override void PostStop() => _stopped.Enqueue(Self.Path.ToString());
    }

    private sealed class Stuck : ReceiveActor
    {
        public Stuck(Task gate, IActorRef? started = null) => ReceiveAsync<string>(m =>
        {
            started?.Tell(m);
            return gate;
        });
    }
}
