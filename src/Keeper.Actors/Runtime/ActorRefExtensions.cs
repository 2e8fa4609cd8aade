using System.Runtime.ExceptionServices;

namespace Keeper.Actors.Runtime;

/// <summary>Request-reply and graceful stop on any actor ref.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and returns the first reply. The timeout runs on the
    /// system's scheduler (so a manual clock drives it in tests).
    /// </summary>
    /// <exception cref="AskTimeoutException">No reply within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="InvalidCastException">The reply was not a <typeparamref name="T"/>.</exception>
    public static async Task<T> Ask<T>(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var reply = await target.Ask(message, timeout, cancellationToken).ConfigureAwait(false);
        return reply is T typed
            ? typed
            : throw new InvalidCastException(
                $"Ask of {message.GetType().Name} to {target.Path} expected a reply of type {typeof(T).Name} but got {reply.GetType().Name}: {reply}");
    }

    /// <summary>Sends <paramref name="message"/> and returns the first reply; a <see cref="StatusFailure"/> reply is thrown.</summary>
    public static async Task<object> Ask(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var system = SystemOf(target);
        ArgumentNullException.ThrowIfNull(message);
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "An ask timeout must be positive.");
        }

        var promise = system.NewPromise();
        var timer = system.Scheduler.ScheduleOnce(timeout, () => promise.TrySetException(new AskTimeoutException(
            $"Ask of {message.GetType().Name} to {target.Path} got no reply within {timeout}.")));
        using var registration = cancellationToken.Register(static state =>
        {
            var (p, token) = ((PromiseActorRef, CancellationToken))state!;
            p.TrySetCanceled(token);
        }, (promise, cancellationToken));
        try
        {
            target.Tell(message, promise);
            var reply = await promise.Task.ConfigureAwait(false);
            if (reply is StatusFailure failure)
            {
                ExceptionDispatchInfo.Throw(failure.Cause);
            }

            return reply;
        }
        finally
        {
            timer.Cancel();
        }
    }

    /// <summary>
    /// Sends a <see cref="PoisonPill"/> (so the messages already queued are processed first) and waits for the actor
    /// to stop. Returns false if it had not stopped within <paramref name="timeout"/> on the system's clock.
    /// </summary>
    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var system = SystemOf(target);
        var internalTarget = (InternalActorRef)target;
        var promise = system.NewPromise();
        internalTarget.SendSystemMessage(new Watch(internalTarget, promise));
        target.Tell(PoisonPill.Instance);
        try
        {
            await promise.Task.WaitAsync(timeout, system.TimeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            internalTarget.SendSystemMessage(new Unwatch(internalTarget, promise));
            return false;
        }
    }

    private static ActorSystem SystemOf(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target is InternalActorRef known
            ? known.System
            : throw new ArgumentException($"Only refs made by a Keeper actor system support Ask and GracefulStop; got {target.GetType().Name}.", nameof(target));
    }
}
