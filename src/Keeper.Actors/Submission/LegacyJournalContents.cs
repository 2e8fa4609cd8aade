namespace Keeper.Actors.Submission;

/// <summary>What <see cref="ILegacyJournal.ReadAsync"/> found.</summary>
/// <param name="AlreadyImported">True once the history was dealt with (imported, or found to need nothing).</param>
/// <param name="Events">The old events of the persistence id, in sequence order; empty when there are none.</param>
/// <param name="Snapshots">Rows of the old snapshot table (trackers and the watcher checkpoint), which are not read.</param>
public sealed record LegacyJournalContents(bool AlreadyImported, IReadOnlyList<SubmissionEvent> Events, long Snapshots);
