using System.Threading.Channels;

namespace Keeper.Actors.Runtime;

/// <summary>A user-message queue over an unbounded single-reader channel; only its synchronous API is used.</summary>
internal sealed class ChannelMessageQueue : MessageQueue
{
    private static readonly UnboundedChannelOptions Options = new() { SingleReader = true, SingleWriter = false };

    private readonly Channel<Envelope> _channel = Channel.CreateUnbounded<Envelope>(Options);

    public override bool HasMessages => _channel.Reader.TryPeek(out _);

    public override void Enqueue(in Envelope envelope)
    {
        // An unbounded channel that is never completed always accepts.
        _channel.Writer.TryWrite(envelope);
    }

    public override bool TryDequeue(out Envelope envelope) => _channel.Reader.TryRead(out envelope);
}
