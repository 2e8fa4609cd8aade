namespace Keeper.Actors.Persistence;

/// <summary>
/// Snapshots of entity state in the shape of Akka.Persistence.Sql: at most one per (persistence id, sequence number).
/// Implementations are safe for concurrent callers; storage failures surface as <see cref="StoreException"/>.
/// </summary>
public interface ISnapshotStore
{
    /// <summary>
    /// Saves <paramref name="snapshot"/>, replacing any snapshot with the same persistence id and sequence number, and
    /// returns it as stored (with <see cref="SnapshotEntry.Created"/> assigned).
    /// </summary>
    Task<SnapshotEntry> SaveAsync(SnapshotEntry snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// The snapshot of <paramref name="persistenceId"/> with the highest sequence number ≤ <paramref name="maxSequenceNr"/>,
    /// or null when there is none.
    /// </summary>
    Task<SnapshotEntry?> LoadLatestAsync(string persistenceId, long maxSequenceNr, CancellationToken cancellationToken);

    /// <summary>Deletes the snapshots of <paramref name="persistenceId"/> with sequence number ≤ <paramref name="maxSequenceNr"/>.</summary>
    Task DeleteAsync(string persistenceId, long maxSequenceNr, CancellationToken cancellationToken);
}
