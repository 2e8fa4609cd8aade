using Keeper.Actors.Runtime;
using Keeper.Actors.TestKit;
using Xunit;

namespace Keeper.Actors.Tests.Runtime;

public sealed class OrderingTests : ActorTestKit
{
    [Theory]
    [InlineData(MailboxKind.Linked)]
    [InlineData(MailboxKind.Channel)]
    [InlineData(MailboxKind.Dataflow)]
    public async Task Tell_ManySendersInParallel_EachSendersMessagesArriveInOrderAndNeverConcurrently(MailboxKind mailbox)
    {
        const int Senders = 8;
        const int PerSender = 5_000;
        var probe = CreateTestProbe();
        var checker = Sys.ActorOf(Props.Create(() => new OrderChecker(Senders)).WithMailbox(mailbox), "checker");

        await Task.WhenAll(Enumerable.Range(0, Senders).Select(s => Task.Run(() =>
        {
            for (var i = 0; i < PerSender; i++)
            {
                checker.Tell(new Numbered(s, i));
            }
        })));
        checker.Tell(new Report(), probe.Ref);

        var report = await probe.ExpectMsgAsync<OrderReport>();
        Assert.Equal(Senders * PerSender, report.Received);
        Assert.Equal(0, report.OutOfOrder);
        Assert.Equal(1, report.MaxConcurrent);
    }

    [Fact]
    public async Task Tell_FromOneSender_ArrivesInSendOrder()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create(() => new Echo()), "echo");

        for (var i = 0; i < 1_000; i++)
        {
            probe.Send(echo, i);
        }

        var received = await probe.ReceiveNAsync(1_000);
        Assert.Equal(Enumerable.Range(0, 1_000).Cast<object>(), received);
    }

    private sealed record Numbered(int Sender, int Sequence);

    private sealed record Report;

    private sealed record OrderReport(int Received, int OutOfOrder, int MaxConcurrent);

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
    }

    private sealed class OrderChecker : ReceiveActor
    {
        private readonly int[] _next;
        private int _received;
        private int _outOfOrder;
        private int _inside;
        private int _maxConcurrent;

        public OrderChecker(int senders)
        {
            _next = new int[senders];
            Receive<Numbered>(Check);
            Receive<Report>(_ => Sender.Tell(new OrderReport(_received, _outOfOrder, _maxConcurrent), Self));
        }

        private void Check(Numbered message)
        {
            var inside = Interlocked.Increment(ref _inside);
            _maxConcurrent = Math.Max(_maxConcurrent, inside);
            if (message.Sequence != _next[message.Sender])
            {
                _outOfOrder++;
            }

            _next[message.Sender] = message.Sequence + 1;
            _received++;
            Interlocked.Decrement(ref _inside);
        }
    }
}
