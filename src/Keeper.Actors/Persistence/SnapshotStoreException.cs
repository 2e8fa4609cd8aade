namespace Keeper.Actors.Persistence;

/// <summary>
/// Akka.Persistence's snapshot store did not load, save or delete a snapshot (<see cref="LatestSnapshot"/>). The message
/// names the persistence id and the operation; the inner exception is the store's own failure, when it gave one.
/// </summary>
public sealed class SnapshotStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="persistenceId">The persistence id whose snapshot it was.</param>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The store's failure, when there is one.</param>
    public SnapshotStoreException(string persistenceId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        PersistenceId = persistenceId;
    }

    /// <summary>The persistence id whose snapshot it was.</summary>
    public string PersistenceId { get; }
}
