namespace Keeper.Actors.Runtime;

/// <summary>The stash: messages set aside, returned in front of the mailbox.</summary>
internal sealed partial class ActorCell
{
    private List<Envelope>? _stash;
    private Queue<Envelope>? _unstashed;
    private TimerScheduler? _timers;

    public void Stash()
    {
        if (_message is null)
        {
            throw new InvalidOperationException("Stash() can only be called while processing a message.");
        }

        var envelope = new Envelope(_message, Sender);
        _stash ??= [];
        if (_stash.Count > 0 && ReferenceEquals(_stash[^1].Message, _message) && ReferenceEquals(_stash[^1].Sender, envelope.Sender))
        {
            throw new InvalidOperationException($"The message {_message.GetType().Name} was already stashed; stash a message once.");
        }

        _stash.Add(envelope);
    }

    public void UnstashAll()
    {
        if (_stash is not { Count: > 0 })
        {
            return;
        }

        // Stashed messages go ahead of anything unstashed earlier and of the whole mailbox.
        var front = new Queue<Envelope>(_stash.Count + (_unstashed?.Count ?? 0));
        foreach (var envelope in _stash)
        {
            front.Enqueue(envelope);
        }

        if (_unstashed is not null)
        {
            foreach (var envelope in _unstashed)
            {
                front.Enqueue(envelope);
            }
        }

        _unstashed = front;
        _stash.Clear();
    }

    public void LogUnhandled(object message) =>
        LogUnhandledMessage(_system.RuntimeLogger, Path, message.GetType().Name, Sender.Path);
}
