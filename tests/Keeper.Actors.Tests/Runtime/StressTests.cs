using Keeper.Actors.Runtime;
using Keeper.Actors.TestKit;
using Xunit;

namespace Keeper.Actors.Tests.Runtime;

[Collection(HeavyTestsCollection.Name)]
public sealed class StressTests : ActorTestKit
{
    public StressTests()
    {
        // A guard only: 400,000 messages on a busy 2-core machine can take longer than the default 3 s.
        DefaultTimeout = TimeSpan.FromSeconds(30);
    }

    [Fact]
    public async Task Tell_TenThousandActorsExchangingInParallel_EveryMessageArrivesOnceInOrderPerSender()
    {
        const int Actors = 10_000;
        const int Rounds = 20;
        var probe = CreateTestProbe();
        var peers = new IActorRef[Actors];
        for (var i = 0; i < Actors; i++)
        {
            peers[i] = Sys.ActorOf(Props.Create(() => new Peer()), $"peer-{i}");
        }

        // Each actor sends Rounds numbered pings to peers chosen by a seeded generator; every ping is answered.
        var random = new Random(1234);
        var targets = new int[Actors][];
        for (var i = 0; i < Actors; i++)
        {
            targets[i] = [.. Enumerable.Range(0, Rounds).Select(_ => random.Next(Actors))];
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = worker; i < Actors; i += 4)
            {
                peers[i].Tell(new Start([.. targets[i].Select(t => peers[t])]));
            }
        })));
        await QuiesceAsync();

        foreach (var peer in peers)
        {
            peer.Tell(new Report(), probe.Ref);
        }

        var reports = (await probe.ReceiveNAsync(Actors, TimeSpan.FromSeconds(30))).Cast<PeerReport>().ToList();
        Assert.Equal((long)Actors * Rounds, reports.Sum(r => (long)r.PingsReceived));
        Assert.All(reports, r => Assert.Equal(Rounds, r.PongsReceived));
        Assert.All(reports, r => Assert.Equal(0, r.OutOfOrder));
        Assert.All(reports, r => Assert.Equal(1, r.MaxConcurrent));
        Assert.Equal(0, Sys.DeadLetterCount);
    }

    private sealed record Start(IActorRef[] Targets);

    private sealed record Ping(int Sequence);

    private sealed record Pong;

    private sealed record Report;

    private sealed record PeerReport(int PingsReceived, int PongsReceived, int OutOfOrder, int MaxConcurrent);

    private sealed class Peer : ReceiveActor
    {
        private readonly Dictionary<IActorRef, int> _lastFrom = [];
        private int _pings;
        private int _pongs;
        private int _outOfOrder;
        private int _inside;
        private int _maxConcurrent;

        public Peer()
        {
            Receive<Start>(s => Guarded(() =>
            {
                for (var i = 0; i < s.Targets.Length; i++)
                {
                    s.Targets[i].Tell(new Ping(i), Self);
                }
            }));
            Receive<Ping>(p => Guarded(() => OnPing(p)));
            Receive<Pong>(_ => Guarded(() => _pongs++));
            Receive<Report>(_ => Sender.Tell(new PeerReport(_pings, _pongs, _outOfOrder, _maxConcurrent), Self));
        }

        private void OnPing(Ping ping)
        {
            // Sequence numbers from one sender rise; a peer may be picked more than once, so gaps are fine.
            if (_lastFrom.TryGetValue(Sender, out var last) && ping.Sequence <= last)
            {
                _outOfOrder++;
            }

            _lastFrom[Sender] = ping.Sequence;
            _pings++;
            Sender.Tell(new Pong(), Self);
        }

        private void Guarded(Action action)
        {
            var inside = Interlocked.Increment(ref _inside);
            _maxConcurrent = Math.Max(_maxConcurrent, inside);
            action();
            Interlocked.Decrement(ref _inside);
        }
    }
}
