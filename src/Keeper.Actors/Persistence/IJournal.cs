namespace Keeper.Actors.Persistence;

/// <summary>
/// An append-only event journal in the shape of Akka.Persistence.Sql: each entity (persistence id) has a gap-free history
/// numbered 1, 2, 3, …, and every event also gets a store-wide <see cref="JournalEntry.Ordering"/>.
/// </summary>
/// <remarks>
/// <para>
/// Writes are atomic and checked: a batch is stored whole or not at all, and each persistence id's entries must continue
/// its history exactly (the highest stored sequence number + 1, + 2, …). A writer that is behind, because another writer
/// of the same id got there first, gets a <see cref="JournalConcurrencyException"/>; this is how two writers of one id
/// are detected.
/// </para>
/// <para>
/// Implementations are safe for concurrent callers. Storage failures surface as <see cref="StoreException"/>, never as
/// an empty result.
/// </para>
/// </remarks>
public interface IJournal
{
    /// <summary>
    /// Appends <paramref name="entries"/> in one transaction and returns them as stored, with
    /// <see cref="JournalEntry.Ordering"/> and <see cref="JournalEntry.Created"/> assigned. Entries of several persistence
    /// ids may be mixed; within one id they must be in sequence order. An empty list writes nothing.
    /// </summary>
    /// <exception cref="JournalConcurrencyException">An id's entries do not continue its history exactly; nothing was written.</exception>
    /// <exception cref="ArgumentException">An entry is malformed (empty id or manifest, sequence number below 1, bad tag).</exception>
    /// <exception cref="StoreException">The store could not be written.</exception>
    Task<IReadOnlyList<JournalEntry>> WriteAsync(IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the stored (not deleted) events of <paramref name="persistenceId"/> with
    /// <paramref name="fromSequenceNr"/> ≤ sequence number ≤ <paramref name="toSequenceNr"/>, in sequence order, at most
    /// <paramref name="max"/> of them.
    /// </summary>
    Task<IReadOnlyList<JournalEntry>> ReadAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int max, CancellationToken cancellationToken);

    /// <summary>
    /// The highest sequence number ever written for <paramref name="persistenceId"/>, or 0 when none was. Deleting events
    /// never lowers it, so a writer that recovers after a delete continues the history instead of reusing numbers.
    /// </summary>
    Task<long> HighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the events of <paramref name="persistenceId"/> with sequence number ≤ <paramref name="toSequenceNr"/>
    /// (typically after a snapshot). <see cref="HighestSequenceNrAsync"/> is unchanged.
    /// </summary>
    Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken);

    /// <summary>
    /// Reads stored events of every persistence id with <see cref="JournalEntry.Ordering"/> ≥
    /// <paramref name="fromOrdering"/>, in ordering order, at most <paramref name="max"/> of them. A projection passes the
    /// last ordering it processed + 1. Orderings increase but may have gaps (deleted events). Once an event is
    /// returned, no event with a lower ordering may appear later, or a projection that pages by ordering would skip it;
    /// the SQLite store guarantees this by serializing writes.
    /// </summary>
    Task<IReadOnlyList<JournalEntry>> ReadAllAsync(long fromOrdering, int max, CancellationToken cancellationToken);

    /// <summary>Like <see cref="ReadAllAsync"/>, restricted to events carrying <paramref name="tag"/>.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadByTagAsync(string tag, long fromOrdering, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Every persistence id that has ever been written (including ids whose events were all deleted), in ordinal order.
    /// </summary>
    Task<IReadOnlyList<string>> PersistenceIdsAsync(CancellationToken cancellationToken);
}
