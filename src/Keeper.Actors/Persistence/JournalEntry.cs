namespace Keeper.Actors.Persistence;

/// <summary>
/// One event of a persistent entity, as stored in the journal. The writer supplies <see cref="PersistenceId"/>,
/// <see cref="SequenceNr"/>, <see cref="Manifest"/>, <see cref="Payload"/> and optionally <see cref="Tags"/>; the store
/// assigns <see cref="Ordering"/> and <see cref="Created"/> and ignores whatever the writer put there.
/// </summary>
/// <remarks>Equality compares payloads and tags by content, so two entries read from different stores compare equal.</remarks>
/// <param name="PersistenceId">The entity the event belongs to, e.g. <c>submitter:0xabc…</c>. Not empty.</param>
/// <param name="SequenceNr">The event's position in its entity's history: 1 for the first event, then 2, 3, …</param>
/// <param name="Manifest">The payload's type name, so a reader can pick the deserializer. Not empty.</param>
/// <param name="Payload">The serialized event.</param>
public sealed record JournalEntry(string PersistenceId, long SequenceNr, string Manifest, byte[] Payload)
{
    /// <summary>The store-wide position of the event, assigned by the store when written; increases with every write.</summary>
    public long Ordering { get; init; }

    /// <summary>When the store accepted the event, from the store's <see cref="TimeProvider"/> (UTC).</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>Labels a projection can select events by (see <see cref="IJournal.ReadByTagAsync"/>). Empty by default.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>True when every field, the payload bytes and the tags (in order) are equal.</summary>
    public bool Equals(JournalEntry? other) =>
        other is not null
        && string.Equals(PersistenceId, other.PersistenceId, StringComparison.Ordinal)
        && SequenceNr == other.SequenceNr
        && string.Equals(Manifest, other.Manifest, StringComparison.Ordinal)
        && Payload.AsSpan().SequenceEqual(other.Payload)
        && Ordering == other.Ordering
        && Created == other.Created
        && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal);

    /// <summary>A hash over the identifying fields (persistence id, sequence number, ordering).</summary>
    public override int GetHashCode() => HashCode.Combine(PersistenceId, SequenceNr, Ordering);
}
