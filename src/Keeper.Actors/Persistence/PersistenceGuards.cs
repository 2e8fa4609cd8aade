namespace Keeper.Actors.Persistence;

/// <summary>Argument checks shared by every journal and snapshot store, so all stores reject the same input.</summary>
internal static class PersistenceGuards
{
    public static void PersistenceId(string persistenceId, string paramName)
    {
        ArgumentNullException.ThrowIfNull(persistenceId, paramName);
        if (persistenceId.Length == 0)
        {
            throw new ArgumentException("A persistence id must not be empty.", paramName);
        }
    }

    public static void Entries(IReadOnlyList<JournalEntry> entries, string paramName)
    {
        ArgumentNullException.ThrowIfNull(entries, paramName);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException($"Entry {i} is null.", paramName);
            Entry(entry.PersistenceId, entry.SequenceNr, entry.Manifest, entry.Payload, $"{paramName}[{i}]");
            Tags(entry.Tags, $"{paramName}[{i}]");
        }
    }

    public static void Snapshot(SnapshotEntry snapshot, string paramName)
    {
        ArgumentNullException.ThrowIfNull(snapshot, paramName);
        Entry(snapshot.PersistenceId, snapshot.SequenceNr, snapshot.Manifest, snapshot.Payload, paramName);
    }

    public static void Max(int max, string paramName) => ArgumentOutOfRangeException.ThrowIfNegative(max, paramName);

    public static void Tag(string tag, string paramName)
    {
        ArgumentNullException.ThrowIfNull(tag, paramName);
        if (tag.Length == 0 || tag.Contains(JournalTags.Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Tag '{tag}' is invalid: a tag must be non-empty and must not contain '{JournalTags.Separator}'.", paramName);
        }
    }

    private static void Entry(string persistenceId, long sequenceNr, string manifest, byte[] payload, string paramName)
    {
        if (string.IsNullOrEmpty(persistenceId))
        {
            throw new ArgumentException($"{paramName}: the persistence id must not be empty.", paramName);
        }

        if (sequenceNr < 1)
        {
            throw new ArgumentException($"{paramName}: sequence number {sequenceNr} of '{persistenceId}' is invalid; sequence numbers start at 1.", paramName);
        }

        if (string.IsNullOrEmpty(manifest))
        {
            throw new ArgumentException($"{paramName}: the manifest of '{persistenceId}' #{sequenceNr} must name the payload type.", paramName);
        }

        if (payload is null)
        {
            throw new ArgumentException($"{paramName}: the payload of '{persistenceId}' #{sequenceNr} is null; use an empty array for no data.", paramName);
        }
    }

    private static void Tags(IReadOnlyList<string> tags, string paramName)
    {
        if (tags is null)
        {
            throw new ArgumentException($"{paramName}: Tags is null; use an empty list for no tags.", paramName);
        }

        foreach (var tag in tags)
        {
            Tag(tag, paramName);
        }
    }
}
