namespace Keeper.Actors.Persistence;

/// <summary>
/// Thrown when a journal write does not continue a persistence id's history exactly: another writer appended first, or
/// the writer skipped or repeated a sequence number. Nothing of the failed batch was written. A writer that sees this
/// must stop and recover (re-read its history) rather than retry blindly: it is not the only writer of the id.
/// </summary>
public sealed class JournalConcurrencyException : Exception
{
    /// <summary>Creates the exception for <paramref name="persistenceId"/>.</summary>
    public JournalConcurrencyException(string persistenceId, long expectedSequenceNr, long actualSequenceNr, Exception? innerException = null)
        : base(
            $"Journal write rejected for persistence id '{persistenceId}': expected sequence number {expectedSequenceNr} "
            + $"(highest stored + 1) but the batch has {actualSequenceNr}. Another writer appended to this id, or the writer "
            + "skipped or repeated a number; nothing of the batch was written. Recover the entity from the journal before writing again.",
            innerException)
    {
        PersistenceId = persistenceId;
        ExpectedSequenceNr = expectedSequenceNr;
        ActualSequenceNr = actualSequenceNr;
    }

    /// <summary>The persistence id whose history the batch did not continue.</summary>
    public string PersistenceId { get; }

    /// <summary>The sequence number the store expected next.</summary>
    public long ExpectedSequenceNr { get; }

    /// <summary>The sequence number the batch carried instead.</summary>
    public long ActualSequenceNr { get; }
}
