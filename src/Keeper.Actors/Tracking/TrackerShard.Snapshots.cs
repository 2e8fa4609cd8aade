using Akka.Actor;
using Akka.Dispatch;
using Akka.Persistence;
using Keeper.Actors.Persistence;
using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <content>Loading, saving and passivating pools.</content>
public sealed partial class TrackerShard
{
    private async Task LoadThenApplyAsync(object message, List<Address> missing)
    {
        IReadOnlyDictionary<Address, SelectedSnapshot?> loaded;
        try
        {
            loaded = await LoadAsync(missing);
        }
        catch (SnapshotStoreException ex)
        {
            // Started empty, a pool's next save would overwrite the snapshot that could not be read: the shard holds this
            // message and the ones after it, and tries again later (a timer, not a crash: a crash would retry at once, in
            // a loop while the store is down).
            LogLoadFailed(Log, missing.Count, LatestSnapshot.LoadRetryInterval.TotalSeconds, ex.Message);
            _failedLoad = message;
            Become(Retrying);
            Timers.StartSingleTimer(LoadTimer, RetryLoad.Instance, LatestSnapshot.LoadRetryInterval);
            return;
        }

        Apply(message, loaded);
    }

    private async Task<IReadOnlyDictionary<Address, SelectedSnapshot?>> LoadAsync(List<Address> pools)
    {
        var store = LatestSnapshot.StoreOf(Context.System);
        var scope = _options.Snapshots!;
        var loads = pools.Select(p => LatestSnapshot.LoadAsync(store, scope.Tracker(p))).ToArray();
        await Task.WhenAll(loads);
        var loaded = new Dictionary<Address, SelectedSnapshot?>(pools.Count);
        for (var i = 0; i < pools.Count; i++)
        {
            loaded[pools[i]] = await loads[i];
        }

        return loaded;
    }

    private async Task SaveAndReplyAsync()
    {
        var replyTo = Sender;
        var failure = await SaveAsync([.. _pools.Keys]);
        replyTo.Tell(failure is null ? SnapshotSaved.Instance : new Status.Failure(failure), Self);
    }

    private async Task PassivateAsync()
    {
        if (await SaveAsync([.. _pools.Keys]) is not null)
        {
            // Without their snapshots the pools' states would be lost: stay; the registry delivers what it held meanwhile.
            Context.Parent.Tell(new PassivationCancelled(Self), Self);
            return;
        }

        foreach (var pool in _pools.Keys)
        {
            LogPassivated(Log, pool.ToLowerHex());
        }

        Context.Stop(Self);
    }

    private void OnPassivationDue()
    {
        if (_settings is not { } settings || _options.PassivateAfter is not { } idle)
        {
            return;
        }

        var cutoff = NowTicks - idle.Ticks;
        var idlePools = _pools.Where(p => p.Value.LastChangeTicks <= cutoff && !DutiesOf(p.Value.State, settings).Any()).Select(p => p.Key).ToList();
        if (idlePools.Count > 0)
        {
            ActorTaskScheduler.RunTask(() => PassivatePoolsAsync(idlePools));
        }
        else if (_pools.Count == 0)
        {
            Context.Parent.Tell(new PassivationRequested(Self), Self);
        }
    }

    private async Task PassivatePoolsAsync(List<Address> pools)
    {
        await SaveAsync(pools);
        foreach (var pool in pools)
        {
            // One whose save failed stays, still dirty, and is tried again at the next sweep. Without a store nothing is
            // kept: the pool starts over at its next event.
            if (_options.Snapshots is null || !_pools[pool].Dirty)
            {
                _pools.Remove(pool);
                LogPassivated(Log, pool.ToLowerHex());
            }
        }

        ReportLive();
        if (_pools.Count == 0)
        {
            Context.Parent.Tell(new PassivationRequested(Self), Self);
        }
    }

    // Saves every dirty pool of the list at once; returns the first failure, or null when all were saved. Without a
    // snapshot store there is nothing to save, as with a state that did not change.
    private async Task<SnapshotStoreException?> SaveAsync(List<Address> pools)
    {
        if (_options.Snapshots is not { } scope)
        {
            return null;
        }

        var store = LatestSnapshot.StoreOf(Context.System);
        var taken = Context.System.Scheduler.Now.UtcDateTime;
        var saves = pools.Where(p => _pools[p].Dirty).Select(p => SaveOneAsync(store, scope, p, _pools[p], taken)).ToArray();
        var failures = await Task.WhenAll(saves);
        return failures.FirstOrDefault(f => f is not null);
    }

    private async Task<SnapshotStoreException?> SaveOneAsync(IActorRef store, SnapshotScope scope, Address pool, TrackedPool entry, DateTime taken)
    {
        try
        {
            if (entry.State is { } state)
            {
                await LatestSnapshot.SaveAsync(store, scope.Tracker(pool), ++entry.SnapshotSequenceNr, state, taken, Log);
            }
            else
            {
                await LatestSnapshot.DeleteAllAsync(store, scope.Tracker(pool));
            }

            entry.Dirty = false;
            return null;
        }
        catch (SnapshotStoreException ex)
        {
            // The state stays in memory and dirty; the next checkpoint or sweep tries again.
            LogSaveFailed(Log, pool.ToLowerHex(), ex.Message);
            return ex;
        }
    }
}
