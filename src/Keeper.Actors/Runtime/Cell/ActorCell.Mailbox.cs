using System.Runtime.CompilerServices;

namespace Keeper.Actors.Runtime;

/// <summary>The mailbox: enqueueing, scheduling, and the run that processes system messages, then a batch of user messages.</summary>
internal sealed partial class ActorCell
{
    private SystemMessage? _systemHead;
    private int _scheduled;
    private volatile bool _closed;

    public void SendMessage(in Envelope envelope)
    {
        if (_closed)
        {
            _system.PublishDeadLetter(envelope.Message, envelope.Sender, _self);
            return;
        }

        _mailbox.Enqueue(envelope);
        TrySchedule();
    }

    public void SendSystemMessage(SystemMessage message)
    {
        // System messages are rare: an intrusive lock-free stack, reversed when taken, costs nothing while idle.
        SystemMessage? head;
        do
        {
            head = Volatile.Read(ref _systemHead);
            message.Next = head;
        }
        while (Interlocked.CompareExchange(ref _systemHead, message, head) != head);

        TrySchedule();
    }

    /// <summary>One run: system messages first, then up to the system's throughput of user messages.</summary>
    public void Execute()
    {
        if (_closed)
        {
            ProcessAfterDeath();
            FinishRun();
            return;
        }

        ProcessSystemMessages();
        var budget = _system.Settings.Throughput;
        while (CanProcessUserMessages && TryDequeue(out var envelope))
        {
            Invoke(envelope);
            if (_pending is not null)
            {
                // An async handler holds the run; its continuation queues the cell again.
                return;
            }

            if (Volatile.Read(ref _systemHead) is not null)
            {
                ProcessSystemMessages();
            }

            if (--budget == 0)
            {
                break;
            }
        }

        FinishRun();
    }

    private bool CanProcessUserMessages => !_suspended && !_terminating && _actor is not null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TrySchedule()
    {
        // The full fence orders the producer's enqueue before its read of the flag; without it a producer could
        // see a stale "scheduled" while the run, having just cleared the flag, sees an empty queue.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _scheduled) == 0 && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            _system.OnMailboxScheduled();
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private void FinishRun()
    {
        Interlocked.Exchange(ref _scheduled, 0);
        if (HasWork() && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            return;
        }

        _system.OnMailboxIdle();
    }

    private bool HasWork() =>
        Volatile.Read(ref _systemHead) is not null
        || ((_closed || CanProcessUserMessages) && (_mailbox.HasMessages || _unstashed is { Count: > 0 }));

    private bool TryDequeue(out Envelope envelope)
    {
        if (_unstashed is { Count: > 0 })
        {
            envelope = _unstashed.Dequeue();
            return true;
        }

        return _mailbox.TryDequeue(out envelope);
    }

    private void ProcessSystemMessages()
    {
        while (Interlocked.Exchange(ref _systemHead, null) is { } taken)
        {
            // The stack holds the newest first; reverse it to process in arrival order.
            SystemMessage? ordered = null;
            for (var m = taken; m is not null;)
            {
                var next = m.Next;
                m.Next = ordered;
                ordered = m;
                m = next;
            }

            while (ordered is not null)
            {
                var message = ordered;
                ordered = message.Next;
                message.Next = null;
                if (_closed)
                {
                    HandleSystemMessageAfterDeath(message);
                }
                else
                {
                    HandleSystemMessage(message);
                }
            }
        }
    }

    private void ProcessAfterDeath()
    {
        ProcessSystemMessages();
        while (_mailbox.TryDequeue(out var envelope))
        {
            _system.PublishDeadLetter(envelope.Message, envelope.Sender, _self);
        }
    }

    private void Invoke(in Envelope envelope)
    {
        var message = envelope.Message;
        _message = message;
        _sender = envelope.Sender;
        try
        {
            if (message is IAutoReceivedMessage && !TryAutoReceive(ref message))
            {
                return;
            }

            var pending = _actor!.Receive(message);
            if (pending is null)
            {
                return;
            }

            if (pending.IsCompleted)
            {
                ObserveCompleted(pending);
                return;
            }

            _pending = pending;
            pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_continuation ??= OnPendingCompleted);
        }
        catch (Exception ex)
        {
            HandleFailure(ex, message);
        }
    }

    /// <summary>Handles the runtime's own messages; returns whether the (possibly unwrapped) message goes on to the actor.</summary>
    private bool TryAutoReceive(ref object message)
    {
        switch (message)
        {
            case TimerMessage timer:
                if (_timers is not null && _timers.TryAccept(timer, out var payload))
                {
                    message = payload;
                    return true;
                }

                return false;
            case PoisonPill:
                BeginTerminate();
                return false;
            case Terminated terminated:
                return AcceptTerminated(terminated);
            default:
                return true;
        }
    }

    private void OnPendingCompleted()
    {
        var task = _pending!;
        _pending = null;
        ObserveCompleted(task);
        // The scheduled flag is still set: continue the run on the pool rather than on the completing thread.
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private void ObserveCompleted(Task task)
    {
        if (task.IsFaulted)
        {
            var exception = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            HandleFailure(exception, _message);
        }
        else if (task.IsCanceled)
        {
            HandleFailure(new TaskCanceledException(task), _message);
        }
    }
}
