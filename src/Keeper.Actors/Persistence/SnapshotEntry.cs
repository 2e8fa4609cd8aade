namespace Keeper.Actors.Persistence;

/// <summary>
/// A snapshot of an entity's state as of <see cref="SequenceNr"/>: recovery loads it and replays only the journal events
/// after it. The store assigns <see cref="Created"/> when saving.
/// </summary>
/// <remarks>Equality compares payloads by content.</remarks>
/// <param name="PersistenceId">The entity the snapshot belongs to. Not empty.</param>
/// <param name="SequenceNr">The sequence number of the last journal event the snapshot includes; at least 1.</param>
/// <param name="Manifest">The payload's type name. Not empty.</param>
/// <param name="Payload">The serialized state.</param>
public sealed record SnapshotEntry(string PersistenceId, long SequenceNr, string Manifest, byte[] Payload)
{
    /// <summary>When the store saved the snapshot, from the store's <see cref="TimeProvider"/> (UTC).</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>True when every field and the payload bytes are equal.</summary>
    public bool Equals(SnapshotEntry? other) =>
        other is not null
        && string.Equals(PersistenceId, other.PersistenceId, StringComparison.Ordinal)
        && SequenceNr == other.SequenceNr
        && string.Equals(Manifest, other.Manifest, StringComparison.Ordinal)
        && Payload.AsSpan().SequenceEqual(other.Payload)
        && Created == other.Created;

    /// <summary>A hash over the identifying fields (persistence id, sequence number).</summary>
    public override int GetHashCode() => HashCode.Combine(PersistenceId, SequenceNr);
}
