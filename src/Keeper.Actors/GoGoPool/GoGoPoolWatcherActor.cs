using Akka.Actor;
using Keeper.Actors.Logging;
using Keeper.Actors.Tracking;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Logs;
using Keeper.Chain.Rpc;
using Keeper.Chain.Watching.GoGoPool;
using Microsoft.Extensions.Logging;

namespace Keeper.Actors.GoGoPool;

/// <summary>
/// Polls an <see cref="IGoGoPoolWatcher"/> on a timer and hands each event, in chain order, to the
/// <see cref="GoGoPoolRegistry"/>. A failing poll is retried at the next poll (the watcher reports nothing it has not
/// read whole); one warning when polls start failing, one line when they work again. Answers
/// <see cref="GetWatcherHead"/> for the status board.
/// </summary>
public sealed partial class GoGoPoolWatcherActor : ReceiveActor, IWithTimers
{
    private ILogger? _log;
    private readonly Func<IGoGoPoolWatcher> _createWatcher;
    private readonly IActorRef _registry;
    private readonly GoGoPoolWatcherActorOptions _options;
    private IGoGoPoolWatcher _watcher;
    private readonly PollStreak _polls = new("the C-Chain for GoGoPool");

    /// <summary>Creates the actor; <paramref name="createWatcher"/> makes a fresh watcher (also after a reorg deeper than its history).</summary>
    public GoGoPoolWatcherActor(Func<IGoGoPoolWatcher> createWatcher, IActorRef registry, GoGoPoolWatcherActorOptions options)
    {
        ArgumentNullException.ThrowIfNull(createWatcher);
        ArgumentNullException.ThrowIfNull(options);
        _createWatcher = createWatcher;
        _registry = registry;
        _options = options;
        _watcher = createWatcher();
        ReceiveAsync<Poll>(_ => PollAsync());
        Receive<GetWatcherHead>(_ => Sender.Tell(new WatcherHead(_watcher.Head) { ChainTip = _watcher.ChainTip, LastPollSucceeded = _polls.LastSucceeded }, Self));
    }

    /// <summary>The actor's keyed timers (set by Akka).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    private ILogger Log => _log ??= KeeperLogging.Of<GoGoPoolWatcherActor>(Context);

    /// <summary>Props for the actor.</summary>
    public static Props Props(Func<IGoGoPoolWatcher> createWatcher, IActorRef registry, GoGoPoolWatcherActorOptions options) =>
        Akka.Actor.Props.Create(() => new GoGoPoolWatcherActor(createWatcher, registry, options));

    /// <inheritdoc />
    protected override void PreStart() => Self.Tell(Poll.Instance, Self);

    private async Task PollAsync()
    {
        var newHead = false;
        try
        {
            newHead = await PollOnceAsync();
        }
        finally
        {
            Timers.StartSingleTimer("poll", Poll.Instance, PollStreak.NextPollIn(newHead, _options.PollInterval, _options.Slot));
        }
    }

    private async Task<bool> PollOnceAsync()
    {
        IReadOnlyList<GoGoPoolEvent> events;
        try
        {
            events = await _watcher.PollAsync(CancellationToken.None);
        }
        catch (ReorgTooDeepException ex)
        {
            LogDeepReorg(Log, ex.Message);
            _watcher = _createWatcher();
            return false;
        }
        catch (Exception ex) when (ex is JsonRpcException or EthResponseException or Chain.Calls.BatchCallFailedException or GoGoPoolBindingException)
        {
            _polls.Failed(Log, Context.System.Scheduler.Now, ex.Message);

            return false;
        }

        _polls.Succeeded(Log, Context.System.Scheduler.Now);

        foreach (var e in events)
        {
            _registry.Tell(e, Self);
        }

        return events.Count > 0 && events[^1] is GoGoHeadAdvanced;
    }

    private sealed record Poll
    {
        public static Poll Instance { get; } = new();
    }
}
