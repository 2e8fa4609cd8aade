namespace Keeper.Actors.Submission;

/// <summary>
/// The journal Keeper kept before it moved onto Akka.Persistence (tables <c>journal</c> and <c>snapshot</c> of the same
/// store, which nothing reads any more). A submitter brings its account's unfinished history over once, so a node
/// upgraded with a transaction in flight neither forgets it (a stuck nonce) nor sends its action a second time.
/// </summary>
public interface ILegacyJournal
{
    /// <summary>Where the old journal lives, for messages: the table and the store's file or database.</summary>
    string Description { get; }

    /// <summary>
    /// The events the old journal holds for <paramref name="persistenceId"/>, in sequence order, and whether their import
    /// was already done. A store made after the move has no old tables: no events.
    /// </summary>
    /// <exception cref="Persistence.StoreException">The store could not be read.</exception>
    /// <exception cref="SubmissionJournalException">An old row cannot be read, or the history has a gap.</exception>
    Task<LegacyJournalContents> ReadAsync(string persistenceId, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="persistenceId"/>'s old history is dealt with, so it is never imported again.</summary>
    /// <exception cref="Persistence.StoreException">The store could not be written.</exception>
    Task MarkImportedAsync(string persistenceId, int events, DateTimeOffset now, CancellationToken cancellationToken);
}
