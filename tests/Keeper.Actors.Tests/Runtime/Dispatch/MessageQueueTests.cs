using Keeper.Actors.Runtime;
using Xunit;

namespace Keeper.Actors.Tests.Runtime.Dispatch;

public sealed class MessageQueueTests
{
    private static readonly IActorRef NoSender = new FakeRef();

    [Theory]
    [InlineData(MailboxKind.Linked)]
    [InlineData(MailboxKind.Channel)]
    [InlineData(MailboxKind.Dataflow)]
    public void TryDequeue_AfterEnqueues_ReturnsThemFirstInFirstOut(MailboxKind kind)
    {
        var queue = MessageQueue.Create(kind);
        Assert.False(queue.HasMessages);
        Assert.False(queue.TryDequeue(out _));

        for (var i = 0; i < 100; i++)
        {
            queue.Enqueue(new Envelope(i, NoSender));
        }

        Assert.True(queue.HasMessages);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(queue.TryDequeue(out var envelope));
            Assert.Equal(i, envelope.Message);
        }

        Assert.False(queue.HasMessages);
    }

    [Theory]
    [InlineData(MailboxKind.Linked)]
    [InlineData(MailboxKind.Channel)]
    [InlineData(MailboxKind.Dataflow)]
    public async Task Enqueue_FromManyThreadsWhileConsuming_KeepsEachProducersOrderAndLosesNothing(MailboxKind kind)
    {
        const int Producers = 4;
        const int PerProducer = 50_000;
        var queue = MessageQueue.Create(kind);
        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < PerProducer; i++)
            {
                queue.Enqueue(new Envelope((p, i), NoSender));
            }
        })).ToArray();

        var next = new int[Producers];
        var taken = 0;
        while (taken < Producers * PerProducer)
        {
            if (queue.TryDequeue(out var envelope))
            {
                var (p, i) = ((int, int))envelope.Message;
                Assert.Equal(next[p], i);
                next[p]++;
                taken++;
            }
            else if (producers.All(t => t.IsCompleted) && !queue.HasMessages)
            {
                break;
            }
        }

        await Task.WhenAll(producers);
        Assert.Equal(Producers * PerProducer, taken);
    }

    [Fact]
    public void Create_UnknownKind_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageQueue.Create((MailboxKind)42));
    }

    private sealed class FakeRef : IActorRef
    {
        public ActorPath Path { get; } = ActorPath.Root("fake");

        public void Tell(object message, IActorRef? sender = null)
        {
        }
    }
}
