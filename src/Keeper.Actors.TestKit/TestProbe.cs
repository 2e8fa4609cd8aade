using System.Threading.Channels;
using Keeper.Actors.Runtime;

namespace Keeper.Actors.TestKit;

/// <summary>
/// An actor that records what it receives, with expectations to assert on it. Every wait is for a message, never
/// for time: the timeout is a real-time guard that turns a missing message into a failure, and it never passes
/// simulated time (move the <see cref="ManualClock"/> for that). <see cref="ExpectNoMsgAsync"/> waits until the
/// whole system is idle instead of waiting a while.
/// </summary>
public sealed class TestProbe
{
    private readonly Channel<ReceivedMessage> _received =
        Channel.CreateUnbounded<ReceivedMessage>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ActorSystem _system;
    private DateTimeOffset? _lastTakenAt;

    internal TestProbe(ActorSystem system, string? name, TimeSpan defaultTimeout)
    {
        _system = system;
        DefaultTimeout = defaultTimeout;
        LastSender = system.DeadLetters;
        Ref = system.ActorOf(Props.Create(() => new ProbeActor(_received.Writer, system.TimeProvider)), name);
    }

    /// <summary>The probe's ref: pass it to actors, watch it, send to it.</summary>
    public IActorRef Ref { get; }

    /// <summary>The sender of the last message taken by an expectation.</summary>
    public IActorRef LastSender { get; private set; }

    /// <summary>The real-time guard for expectations that do not name their own.</summary>
    public TimeSpan DefaultTimeout { get; set; }

    /// <summary>Whether a received message is waiting to be taken.</summary>
    public bool HasMessages => _received.Reader.TryPeek(out _);

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, Ref);
    }

    /// <summary>Replies to <see cref="LastSender"/> with the probe as sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Watches <paramref name="target"/>: the probe receives <see cref="Terminated"/> when it stops.</summary>
    public void Watch(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Ref.Tell(new ProbeCommand(context => context.Watch(target)));
    }

    /// <summary>Stops watching <paramref name="target"/>.</summary>
    public void Unwatch(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Ref.Tell(new ProbeCommand(context => context.Unwatch(target)));
    }

    /// <summary>Expects the next message to be a <typeparamref name="T"/> (matching <paramref name="predicate"/>, if given).</summary>
    /// <param name="predicate">An extra condition on the message.</param>
    /// <param name="hint">Describes the condition in the failure message.</param>
    /// <param name="timeout">The real-time guard; <see cref="DefaultTimeout"/> if null.</param>
    public async Task<T> ExpectMsgAsync<T>(Predicate<T>? predicate = null, string? hint = null, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var expected = Describe<T>(predicate is null ? null : hint ?? "the predicate");
        var received = await ReceiveOneAsync(limit).ConfigureAwait(false)
            ?? throw Fail($"Expected {expected} within {limit}, but no message arrived.");
        if (received.Message is T typed && (predicate is null || predicate(typed)))
        {
            return typed;
        }

        throw Fail($"Expected {expected}, but received {received}.");
    }

    /// <summary>Expects the next message to equal <paramref name="expected"/> (records compare by value).</summary>
    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var limit = timeout ?? DefaultTimeout;
        var received = await ReceiveOneAsync(limit).ConfigureAwait(false)
            ?? throw Fail($"Expected {expected.GetType().Name} {expected} within {limit}, but no message arrived.");
        if (received.Message is T typed && EqualityComparer<T>.Default.Equals(typed, expected))
        {
            return typed;
        }

        throw Fail($"Expected {expected.GetType().Name} {expected}, but received {received}.");
    }

    /// <summary>
    /// Expects that no message is waiting once every actor in the system is idle. Deterministic: it waits for the
    /// system to finish what it is doing, not for an amount of time. Move the clock first to cover timers.
    /// </summary>
    public async Task ExpectNoMsgAsync(TimeSpan? timeout = null)
    {
        await QuiesceAsync(_system, timeout ?? DefaultTimeout).ConfigureAwait(false);
        if (_received.Reader.TryRead(out var received))
        {
            throw Fail($"Expected no message, but received {received}.");
        }
    }

    /// <summary>Skips messages until one is a <typeparamref name="T"/> matching <paramref name="isTarget"/>, and returns it.</summary>
    public async Task<T> FishForMessageAsync<T>(Predicate<T> isTarget, string? hint = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isTarget);
        var limit = timeout ?? DefaultTimeout;
        var skipped = new List<ReceivedMessage>();
        using var guard = new CancellationTokenSource(limit);
        while (await ReceiveOneAsync(guard.Token).ConfigureAwait(false) is { } received)
        {
            if (received.Message is T typed && isTarget(typed))
            {
                return typed;
            }

            skipped.Add(received);
        }

        throw Fail($"Expected {Describe<T>(hint ?? "the predicate")} within {limit}, but it never came. Skipped {skipped.Count}: {string.Join("; ", skipped)}");
    }

    /// <summary>Takes the next <paramref name="count"/> messages, whatever they are.</summary>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var limit = timeout ?? DefaultTimeout;
        var messages = new List<object>(count);
        using var guard = new CancellationTokenSource(limit);
        while (messages.Count < count)
        {
            var received = await ReceiveOneAsync(guard.Token).ConfigureAwait(false)
                ?? throw Fail($"Expected {count} messages within {limit}, but received {messages.Count}: {string.Join("; ", messages)}");
            messages.Add(received.Message);
        }

        return messages;
    }

    /// <summary>Expects the <see cref="Terminated"/> of <paramref name="target"/> (after <see cref="Watch"/>).</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ExpectMsgAsync<Terminated>(t => ReferenceEquals(t.Actor, target), $"Terminated of {target.Path}", timeout);
    }

    /// <summary>
    /// Runs <paramref name="block"/> and checks, on the system's clock, that the last message it took arrived
    /// between <paramref name="min"/> and <paramref name="max"/> after the block started (or, if it took none, that
    /// the clock moved that much).
    /// </summary>
    public async Task<T> WithinAsync<T>(TimeSpan min, TimeSpan max, Func<Task<T>> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (min < TimeSpan.Zero || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"Within needs 0 <= min <= max; got min {min} and max {max}.");
        }

        var start = _system.TimeProvider.GetUtcNow();
        _lastTakenAt = null;
        var result = await block().ConfigureAwait(false);
        var end = _lastTakenAt ?? _system.TimeProvider.GetUtcNow();
        var elapsed = end - start;
        if (elapsed < min || elapsed > max)
        {
            throw Fail($"Expected the block to complete between {min} and {max} after {start:O} (system clock), but it took {elapsed}.");
        }

        return result;
    }

    /// <summary>Runs <paramref name="block"/> under the same check as <see cref="WithinAsync{T}"/>.</summary>
    public Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return WithinAsync(min, max, async () =>
        {
            await block().ConfigureAwait(false);
            return true;
        });
    }

    internal static async Task QuiesceAsync(ActorSystem system, TimeSpan timeout)
    {
        using var guard = new CancellationTokenSource(timeout);
        try
        {
            await system.WhenIdleAsync(guard.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested)
        {
            throw Fail($"Expected the actor system to become idle within {timeout}, but actors were still busy (a handler awaiting something that never completes?).");
        }
    }

    private static ExpectationFailedException Fail(string message) => new(message);

    private static string Describe<T>(string? condition) =>
        condition is null ? $"a message of type {typeof(T).Name}" : $"a message of type {typeof(T).Name} matching {condition}";

    private async Task<ReceivedMessage?> ReceiveOneAsync(TimeSpan timeout)
    {
        using var guard = new CancellationTokenSource(timeout);
        return await ReceiveOneAsync(guard.Token).ConfigureAwait(false);
    }

    private async Task<ReceivedMessage?> ReceiveOneAsync(CancellationToken guard)
    {
        ReceivedMessage received;
        if (!_received.Reader.TryRead(out received!))
        {
            try
            {
                received = await _received.Reader.ReadAsync(guard).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (guard.IsCancellationRequested)
            {
                return null;
            }
        }

        LastSender = received.Sender;
        _lastTakenAt = received.ReceivedAt;
        return received;
    }
}
