using System.Collections.Concurrent;
using Keeper.Actors.Persistence;

namespace Keeper.Actors.Tests.Tracking;

/// <summary>A snapshot store fake for actor tests (the SQLite and PostgreSQL stores pass the contract tests).</summary>
internal sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly ConcurrentDictionary<string, SnapshotEntry> _latest = new();

    public int Saves { get; private set; }

    public Task<SnapshotEntry> SaveAsync(SnapshotEntry snapshot, CancellationToken cancellationToken)
    {
        Saves++;
        _latest[snapshot.PersistenceId] = snapshot;
        return Task.FromResult(snapshot);
    }

    public Task<SnapshotEntry?> LoadLatestAsync(string persistenceId, long maxSequenceNr, CancellationToken cancellationToken) =>
        Task.FromResult(_latest.TryGetValue(persistenceId, out var s) && s.SequenceNr <= maxSequenceNr ? s : null);

    public Task DeleteAsync(string persistenceId, long maxSequenceNr, CancellationToken cancellationToken)
    {
        _latest.TryRemove(persistenceId, out _);
        return Task.CompletedTask;
    }

    public bool Has(string persistenceId) => _latest.ContainsKey(persistenceId);
}
