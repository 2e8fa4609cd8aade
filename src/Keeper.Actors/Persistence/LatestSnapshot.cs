using Akka.Actor;
using Akka.Persistence;
using Microsoft.Extensions.Logging;
using AkkaPersistence = Akka.Persistence.Persistence;

namespace Keeper.Actors.Persistence;

/// <summary>
/// One latest snapshot per persistence id in Akka.Persistence's snapshot store, for actors that are not persistent
/// actors (the pool trackers and the chain watcher): it speaks the plugin actor's public protocol
/// (<see cref="LoadSnapshot"/>, <see cref="SaveSnapshot"/>, <see cref="DeleteSnapshots"/>) and waits for the reply.
/// </summary>
/// <remarks>
/// Each save takes a sequence number no save of the id has used before, and then deletes the older snapshots, instead
/// of overwriting one number: when a save fails, the snapshot store deletes whatever that save's number holds (so a
/// half-done save never survives), and it may do so a while later. With one fixed number that would delete the
/// previous, good snapshot, or the next one; with a new number per attempt, a failed save leaves every other snapshot
/// as it was. The caller keeps the last number it tried (or loaded) and tries the one after.
/// </remarks>
public static partial class LatestSnapshot
{
    /// <summary>
    /// How long to wait for the snapshot store's reply. Longer than the plugin's circuit-breaker call timeout
    /// (<see cref="SqlPersistenceConfig"/>), so a slow store answers with its own failure first.
    /// </summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long an actor whose snapshot could not be loaded waits before it tries again.</summary>
    public static readonly TimeSpan LoadRetryInterval = TimeSpan.FromSeconds(5);

    /// <summary>The actor system's snapshot store (<c>akka.persistence.snapshot-store.plugin</c>).</summary>
    public static IActorRef StoreOf(ActorSystem system) => AkkaPersistence.Instance.Apply(system).SnapshotStoreFor(null);

    /// <summary>The latest snapshot of <paramref name="persistenceId"/>, or null when it has none.</summary>
    /// <exception cref="SnapshotStoreException">The store failed or did not answer within <see cref="ReplyTimeout"/>.</exception>
    public static async Task<SelectedSnapshot?> LoadAsync(IActorRef store, string persistenceId)
    {
        var reply = await AskAsync(store, persistenceId, "load", new LoadSnapshot(persistenceId, SnapshotSelectionCriteria.Latest, long.MaxValue));
        return reply switch
        {
            LoadSnapshotResult loaded => loaded.Snapshot,
            LoadSnapshotFailed failed => throw Failed(persistenceId, "load", failed.Cause),
            _ => throw Unexpected(persistenceId, "load", reply),
        };
    }

    /// <summary>
    /// Saves <paramref name="snapshot"/> as the snapshot <paramref name="sequenceNr"/> of <paramref name="persistenceId"/>,
    /// then deletes the older ones. A failed clean-up is logged and left for the next save's clean-up (the load takes
    /// the latest snapshot, so older ones only take room).
    /// </summary>
    /// <param name="store">The snapshot store.</param>
    /// <param name="persistenceId">The persistence id.</param>
    /// <param name="sequenceNr">A number no earlier save of this id used: one more than the last one tried or loaded.</param>
    /// <param name="snapshot">The state; Keeper's serializer must be bound to its type.</param>
    /// <param name="timestamp">When it was taken (UTC), from the actor system's scheduler.</param>
    /// <param name="logger">Where a failed clean-up is reported.</param>
    /// <exception cref="SnapshotStoreException">The snapshot was not saved; the previous one is still the latest.</exception>
    public static async Task SaveAsync(IActorRef store, string persistenceId, long sequenceNr, object snapshot, DateTime timestamp, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceNr, 1);
        var metadata = new SnapshotMetadata(persistenceId, sequenceNr, timestamp);
        var reply = await AskAsync(store, persistenceId, "save", new SaveSnapshot(metadata, snapshot));
        if (reply is not SaveSnapshotSuccess)
        {
            throw reply is SaveSnapshotFailure failed ? Failed(persistenceId, "save", failed.Cause) : Unexpected(persistenceId, "save", reply);
        }

        if (sequenceNr > 1)
        {
            try
            {
                await DeleteAsync(store, persistenceId, new SnapshotSelectionCriteria(sequenceNr - 1));
            }
            catch (SnapshotStoreException e)
            {
                LogCleanUpFailed(logger, persistenceId, sequenceNr, e.Message);
            }
        }
    }

    /// <summary>Deletes every snapshot of <paramref name="persistenceId"/>.</summary>
    /// <exception cref="SnapshotStoreException">The store failed or did not answer within <see cref="ReplyTimeout"/>.</exception>
    public static Task DeleteAllAsync(IActorRef store, string persistenceId) => DeleteAsync(store, persistenceId, SnapshotSelectionCriteria.Latest);

    private static async Task DeleteAsync(IActorRef store, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        var reply = await AskAsync(store, persistenceId, "delete", new DeleteSnapshots(persistenceId, criteria));
        if (reply is not DeleteSnapshotsSuccess)
        {
            throw reply is DeleteSnapshotsFailure failed ? Failed(persistenceId, "delete", failed.Cause) : Unexpected(persistenceId, "delete", reply);
        }
    }

    private static async Task<ISnapshotResponse> AskAsync(IActorRef store, string persistenceId, string operation, ISnapshotRequest request)
    {
        ArgumentNullException.ThrowIfNull(store);
        try
        {
            return await store.Ask<ISnapshotResponse>(request, ReplyTimeout);
        }
        catch (AskTimeoutException e)
        {
            throw new SnapshotStoreException(persistenceId, $"The snapshot store did not answer the {operation} of '{persistenceId}' within {ReplyTimeout.TotalSeconds:0} s.", e);
        }
    }

    private static SnapshotStoreException Failed(string persistenceId, string operation, Exception cause) =>
        new(persistenceId, $"The snapshot store failed the {operation} of '{persistenceId}': {cause.Message}", cause);

    private static SnapshotStoreException Unexpected(string persistenceId, string operation, ISnapshotResponse reply) =>
        new(persistenceId, $"The snapshot store answered the {operation} of '{persistenceId}' with a {reply.GetType().Name}.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saved snapshot {SequenceNr} of {PersistenceId}, but could not delete the older ones (the next save tries again): {Reason}")]
    private static partial void LogCleanUpFailed(ILogger logger, string persistenceId, long sequenceNr, string reason);
}
