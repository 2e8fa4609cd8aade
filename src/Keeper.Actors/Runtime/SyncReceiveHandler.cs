namespace Keeper.Actors.Runtime;

/// <summary>A synchronous handler: the fast path, with no task at all.</summary>
internal sealed class SyncReceiveHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : ReceiveHandler
{
    public override bool TryHandle(object message, ref Task? pending)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            handler(typed);
            return true;
        }

        return false;
    }
}
