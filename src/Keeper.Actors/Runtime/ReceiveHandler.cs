namespace Keeper.Actors.Runtime;

/// <summary>One <c>Receive&lt;T&gt;</c> registration: a type test, an optional predicate and a handler.</summary>
internal abstract class ReceiveHandler
{
    /// <summary>Handles the message if it matches; <paramref name="pending"/> is set by an async handler that has not completed.</summary>
    public abstract bool TryHandle(object message, ref Task? pending);
}
