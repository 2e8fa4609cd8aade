namespace Keeper.Actors.Runtime;

/// <summary>
/// An actor's own keyed timers. Starting a timer with a key that is active replaces it, and a message of a
/// replaced or cancelled timer is never delivered, even if it was already in the mailbox. All timers are
/// cancelled when the actor restarts or stops. Use only from inside the actor.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>The keys of the active timers.</summary>
    IReadOnlyCollection<object> ActiveTimers { get; }

    /// <summary>Sends <paramref name="message"/> to the actor once after <paramref name="delay"/>.</summary>
    void StartSingleTimer(object key, object message, TimeSpan delay);

    /// <summary>Sends <paramref name="message"/> to the actor every <paramref name="interval"/>, first after one interval.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>Whether a timer with this key is active (a single timer stops being active once its message is delivered).</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer with this key, if any.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer.</summary>
    void CancelAll();
}
