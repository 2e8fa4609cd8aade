namespace Keeper.Actors.Runtime;

/// <summary>
/// A short-lived ref that completes a task with the first message it receives (an ask's reply) or with the
/// death of the actor it watches (a graceful stop).
/// </summary>
internal sealed class PromiseActorRef : InternalActorRef
{
    private readonly TaskCompletionSource<object> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PromiseActorRef(ActorSystem system, ActorPath path)
        : base(system, path)
    {
    }

    public Task<object> Task => _completion.Task;

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_completion.TrySetResult(message))
        {
            System.PublishDeadLetter(message, sender ?? System.DeadLetters, this);
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification notification)
        {
            _completion.TrySetResult(new Terminated(notification.Actor));
        }
    }

    public bool TrySetException(Exception exception) => _completion.TrySetException(exception);

    public bool TrySetCanceled(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}
