using Akka.Actor;
using Keeper.Actors.Logging;
using Keeper.Actors.Persistence;
using Keeper.Chain.Eth;
using Keeper.Chain.Logs;
using Keeper.Chain.Rpc;
using Keeper.Chain.Watching;
using Microsoft.Extensions.Logging;

namespace Keeper.Actors.Tracking;

/// <summary>
/// Runs the <see cref="ChainWatcher"/> on a timer and hands its events, in order and in the parts it reads them, to the
/// <see cref="PoolRegistry"/>.
/// On start it resumes from the stored checkpoint (restoring every pool's tracker state from its snapshot) or cold-starts. Every few
/// blocks it has every tracker save its snapshot and only then stores its own position, so a checkpoint never claims
/// more than the snapshots hold.
/// </summary>
/// <remarks>
/// The checkpoint is the <see cref="WatcherCheckpoint"/> itself, kept in Akka.Persistence's snapshot store under
/// <see cref="SnapshotScope.Checkpoint"/>. The watcher asks the store (<see cref="LatestSnapshot"/>) inside the flows
/// that are already asynchronous: the start, and the checkpoint task that first waits for every tracker's save.
/// </remarks>
public sealed partial class ChainWatcherActor : ReceiveActor, IWithTimers
{
    private ILogger? _log;
    /// <summary>The actor's keyed timers (set by Akka).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    private ILogger Log => _log ??= KeeperLogging.Of<ChainWatcherActor>(Context);

    private readonly Func<ChainWatcher> _createWatcher;
    private readonly IActorRef _registry;
    private readonly ChainWatcherActorOptions _options;
    private ChainWatcher _watcher;
    private ulong _lastCheckpointBlock;
    private bool _checkpointing;
    private readonly PollStreak _polls = new("the chain");
    // The sequence number of the last checkpoint loaded or tried; every save tries the next one (see LatestSnapshot).
    private long _checkpointSequenceNr;
    // Failed polls in a row, and when the first of them failed: one line when polling starts failing, one when it works again.

    /// <summary>Creates the actor; <paramref name="createWatcher"/> makes a fresh watcher (also after a reorg deeper than its history).</summary>
    public ChainWatcherActor(Func<ChainWatcher> createWatcher, IActorRef registry, ChainWatcherActorOptions options)
    {
        _createWatcher = createWatcher;
        _registry = registry;
        _options = options;
        _watcher = createWatcher();
        ReceiveAsync<Start>(_ => StartAsync());
        ReceiveAsync<Poll>(_ => PollAsync());
        Receive<CheckpointDone>(OnCheckpointDone);
        Receive<GetWatcherHead>(_ => Sender.Tell(new WatcherHead(_watcher.Head) { ChainTip = _watcher.ChainTip, LastPollSucceeded = _polls.LastSucceeded }, Self));
    }

    /// <summary>Props for the actor.</summary>
    public static Props Props(Func<ChainWatcher> createWatcher, IActorRef registry, ChainWatcherActorOptions options) =>
        Akka.Actor.Props.Create(() => new ChainWatcherActor(createWatcher, registry, options));

    /// <inheritdoc />
    protected override void PreStart() => Self.Tell(Start.Instance, Self);

    private async Task StartAsync()
    {
        if (_options.Snapshots is { } scope)
        {
            Akka.Persistence.SelectedSnapshot? saved;
            try
            {
                saved = await LatestSnapshot.LoadAsync(LatestSnapshot.StoreOf(Context.System), scope.Checkpoint);
            }
            catch (SnapshotStoreException ex)
            {
                // Going on without it would cold-start: correct, but slow at scale, and a store that failed once usually
                // answers again soon.
                LogLoadFailed(Log, LatestSnapshot.LoadRetryInterval.TotalSeconds, ex.Message);
                Timers.StartSingleTimer("start", Start.Instance, LatestSnapshot.LoadRetryInterval);
                return;
            }

            _checkpointSequenceNr = saved?.Metadata.SequenceNr ?? 0;
            if (saved?.Snapshot is WatcherCheckpoint checkpoint)
            {
                Resume(checkpoint);
            }
        }

        await PollAsync();
    }

    private void Resume(WatcherCheckpoint checkpoint)
    {
        _watcher.Resume(checkpoint);
        _lastCheckpointBlock = checkpoint.RecentBlocks[^1].Number;
        _registry.Tell(new RestoreTrackers(checkpoint.Validators.Select(v => v.Megapool).ToHashSet(), checkpoint.Minipools), Self);
        LogResumed(Log, _lastCheckpointBlock, checkpoint.Validators.Count, checkpoint.Minipools.Count);
    }

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
        // Each part goes to the registry as soon as it is read: during a cold start the trackers work through the first
        // batches while the next are read.
        var newHead = false;
        void Report(IReadOnlyList<WatcherEvent> events)
        {
            if (events.Count > 0)
            {
                newHead |= events[^1] is HeadAdvanced;
                _registry.Tell(new WatcherEvents(events), Self);
            }
        }

        try
        {
            await _watcher.PollAsync(Report, CancellationToken.None);
        }
        catch (ReorgTooDeepException ex)
        {
            LogDeepReorg(Log, ex.Message);
            _watcher = _createWatcher();
            return false;
        }
        catch (Exception ex) when (ex is JsonRpcException or EthResponseException or Chain.Calls.BatchCallFailedException)
        {
            _polls.Failed(Log, Context.System.Scheduler.Now, ex.Message);

            return false;
        }

        _polls.Succeeded(Log, Context.System.Scheduler.Now);

        if (_options.Snapshots is { } scope && !_checkpointing && _watcher.Head is { } head && head.Number >= _lastCheckpointBlock + _options.CheckpointEveryBlocks)
        {
            // The position is taken now and the trackers are asked to save after: their snapshots are at least as new as
            // it, never older. Saving runs beside polling, so a slow or unreachable store never stalls tracking.
            _checkpointing = true;
            var save = new CheckpointSave(_watcher.Checkpoint, head.Number, scope.Checkpoint, _checkpointSequenceNr + 1, Context.System.Scheduler.Now.UtcDateTime);
            _ = CheckpointAsync(save, LatestSnapshot.StoreOf(Context.System), Self, Log);
        }

        return newHead;
    }

    // Runs outside the actor: everything it needs comes in its arguments, and it reports back with a message.
    private async Task CheckpointAsync(CheckpointSave save, IActorRef store, IActorRef self, ILogger log)
    {
        try
        {
            await _registry.Ask<SnapshotSaved>(SaveAllSnapshots.Instance, TimeSpan.FromSeconds(60), CancellationToken.None);
            await LatestSnapshot.SaveAsync(store, save.PersistenceId, save.SequenceNr, save.Checkpoint, save.Taken, log);
            self.Tell(new CheckpointDone(save, null), self);
        }
        catch (Exception ex) when (ex is SnapshotStoreException or AskTimeoutException or InvalidOperationException)
        {
            self.Tell(new CheckpointDone(save, ex.Message), self);
        }
    }

    private void OnCheckpointDone(CheckpointDone m)
    {
        _checkpointing = false;
        _checkpointSequenceNr = m.Save.SequenceNr;
        if (m.Failure is null)
        {
            _lastCheckpointBlock = Math.Max(_lastCheckpointBlock, m.Save.Block);
        }
        else
        {
            LogCheckpointFailed(Log, m.Save.Block, m.Failure);
        }
    }

    private sealed record Start
    {
        public static Start Instance { get; } = new();
    }

    private sealed record CheckpointSave(WatcherCheckpoint Checkpoint, ulong Block, string PersistenceId, long SequenceNr, DateTime Taken);

    private sealed record CheckpointDone(CheckpointSave Save, string? Failure);

    private sealed record Poll
    {
        public static Poll Instance { get; } = new();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed from the checkpoint at block {Block}: {Validators} validator(s), {Minipools} minipool(s)")]
    private static partial void LogResumed(ILogger logger, ulong block, int validators, int minipools);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not load the checkpoint; trying again in {RetrySeconds} s before polling: {Reason}")]
    private static partial void LogLoadFailed(ILogger logger, double retrySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Reason} Starting over with a cold start.")]
    private static partial void LogDeepReorg(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint at block {Block} not saved (tracking goes on; the next checkpoint retries): {Reason}")]
    private static partial void LogCheckpointFailed(ILogger logger, ulong block, string reason);
}
