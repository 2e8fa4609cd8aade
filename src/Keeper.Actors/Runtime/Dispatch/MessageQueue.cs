namespace Keeper.Actors.Runtime;

/// <summary>
/// The user-message queue of one mailbox: any number of producers, exactly one consumer (the mailbox's run).
/// </summary>
internal abstract class MessageQueue
{
    /// <summary>Whether the consumer would find a message now. Producers may be mid-enqueue, so false can be stale.</summary>
    public abstract bool HasMessages { get; }

    /// <summary>Creates an empty queue of the given kind.</summary>
    public static MessageQueue Create(MailboxKind kind) => kind switch
    {
        MailboxKind.Linked => new LinkedMessageQueue(),
        MailboxKind.Channel => new ChannelMessageQueue(),
        MailboxKind.Dataflow => new DataflowMessageQueue(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown mailbox kind; use Linked, Channel or Dataflow."),
    };

    /// <summary>Adds a message; safe from any thread.</summary>
    public abstract void Enqueue(in Envelope envelope);

    /// <summary>Takes the oldest message; called only by the consumer.</summary>
    public abstract bool TryDequeue(out Envelope envelope);
}
