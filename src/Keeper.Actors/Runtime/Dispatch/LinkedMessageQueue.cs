namespace Keeper.Actors.Runtime;

/// <summary>
/// Vyukov's multi-producer single-consumer linked queue: a producer swaps itself in as the head with one
/// atomic exchange, then links the previous head to it. An empty queue is one stub node, which keeps an idle
/// mailbox small. Between a producer's exchange and its link the consumer sees the queue as empty; that is
/// safe because every producer schedules the mailbox after linking.
/// </summary>
internal sealed class LinkedMessageQueue : MessageQueue
{
    private Node _head;
    private Node _tail;

    public LinkedMessageQueue()
    {
        var stub = new Node(default);
        _head = stub;
        _tail = stub;
    }

    public override bool HasMessages => Volatile.Read(ref _tail.Next) is not null;

    public override void Enqueue(in Envelope envelope)
    {
        var node = new Node(envelope);
        var previous = Interlocked.Exchange(ref _head, node);
        Volatile.Write(ref previous.Next, node);
    }

    public override bool TryDequeue(out Envelope envelope)
    {
        var next = Volatile.Read(ref _tail.Next);
        if (next is null)
        {
            envelope = default;
            return false;
        }

        envelope = next.Value;
        // The dequeued node becomes the new stub; clear it so the message can be collected.
        next.Value = default;
        _tail = next;
        return true;
    }

    private sealed class Node(Envelope value)
    {
        public Envelope Value = value;
        public Node? Next;
    }
}
