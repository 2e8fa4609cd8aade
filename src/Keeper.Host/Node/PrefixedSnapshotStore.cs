using Keeper.Actors.Persistence;

namespace Keeper.Host.Node;

/// <summary>
/// Scopes snapshot ids to one node, so several nodes can share a store (a cluster's SQLite file or PostgreSQL database)
/// without overwriting each other's tracker snapshots and checkpoints.
/// </summary>
public sealed class PrefixedSnapshotStore(ISnapshotStore inner, string prefix) : ISnapshotStore
{
    /// <inheritdoc />
    public async Task<SnapshotEntry> SaveAsync(SnapshotEntry snapshot, CancellationToken cancellationToken)
    {
        var saved = await inner.SaveAsync(snapshot with { PersistenceId = Scoped(snapshot.PersistenceId) }, cancellationToken);
        return saved with { PersistenceId = snapshot.PersistenceId };
    }

    /// <inheritdoc />
    public async Task<SnapshotEntry?> LoadLatestAsync(string persistenceId, long maxSequenceNr, CancellationToken cancellationToken) =>
        await inner.LoadLatestAsync(Scoped(persistenceId), maxSequenceNr, cancellationToken) is { } found ? found with { PersistenceId = persistenceId } : null;

    /// <inheritdoc />
    public Task DeleteAsync(string persistenceId, long maxSequenceNr, CancellationToken cancellationToken) =>
        inner.DeleteAsync(Scoped(persistenceId), maxSequenceNr, cancellationToken);

    private string Scoped(string persistenceId) => $"{prefix}/{persistenceId}";
}
