using System.Threading.Channels;
using Keeper.Chain.Eth;
using Keeper.Chain.Watching.GoGoPool;

namespace Keeper.Actors.Tests.GoGoPool;

/// <summary>
/// An <see cref="IGoGoPoolWatcher"/> that answers each poll with the next scripted step (events, or an exception to
/// throw), and nothing once the script is done; each poll is announced on <see cref="Polled"/> as its number.
/// </summary>
internal sealed class FakeGoGoPoolWatcher : IGoGoPoolWatcher
{
    private readonly Queue<Func<IReadOnlyList<GoGoPoolEvent>>> _steps = new();
    private readonly Channel<int> _polled = Channel.CreateUnbounded<int>();

    public BlockHeader? Head { get; private set; }

    public ulong? ChainTip { get; set; }

    public int Polls { get; private set; }

    public ChannelReader<int> Polled => _polled.Reader;

    /// <summary>The next poll reports <paramref name="events"/>; a head among them becomes <see cref="Head"/>.</summary>
    public FakeGoGoPoolWatcher Then(params GoGoPoolEvent[] events)
    {
        _steps.Enqueue(() =>
        {
            if (events.OfType<GoGoHeadAdvanced>().LastOrDefault() is { } head)
            {
                Head = new BlockHeader(head.Block.Number, head.Block.Hash, Keeper.Chain.Primitives.Hash32.Zero, head.Block.Timestamp, null, 0, 0);
            }

            return events;
        });
        return this;
    }

    /// <summary>The next poll throws <paramref name="failure"/>.</summary>
    public FakeGoGoPoolWatcher ThenFail(Exception failure)
    {
        _steps.Enqueue(() => throw failure);
        return this;
    }

    public Task<IReadOnlyList<GoGoPoolEvent>> PollAsync(CancellationToken cancellationToken)
    {
        Polls++;
        _polled.Writer.TryWrite(Polls);
        return Task.FromResult(_steps.TryDequeue(out var step) ? step() : (IReadOnlyList<GoGoPoolEvent>)[]);
    }
}
