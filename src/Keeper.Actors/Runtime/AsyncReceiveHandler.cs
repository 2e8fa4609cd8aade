namespace Keeper.Actors.Runtime;

/// <summary>An async handler; a task that completed synchronously costs no more than a synchronous handler.</summary>
internal sealed class AsyncReceiveHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : ReceiveHandler
{
    public override bool TryHandle(object message, ref Task? pending)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            var task = handler(typed);
            if (!task.IsCompletedSuccessfully)
            {
                pending = task;
            }

            return true;
        }

        return false;
    }
}
