using System.Threading.Tasks.Dataflow;

namespace Keeper.Actors.Runtime;

/// <summary>A user-message queue over a TPL Dataflow buffer block; only its synchronous API is used.</summary>
internal sealed class DataflowMessageQueue : MessageQueue
{
    private readonly BufferBlock<Envelope> _buffer = new();

    public override bool HasMessages => _buffer.Count > 0;

    public override void Enqueue(in Envelope envelope)
    {
        // An unbounded block that is never completed always accepts.
        _buffer.Post(envelope);
    }

    public override bool TryDequeue(out Envelope envelope) => _buffer.TryReceive(out envelope!);
}
