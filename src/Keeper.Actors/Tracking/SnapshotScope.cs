using Address = Keeper.Chain.Primitives.Address;

namespace Keeper.Actors.Tracking;

/// <summary>
/// Whose tracker snapshots and watcher checkpoint these are: the node's signing account is part of every persistence id,
/// so nodes that share one store (a host's SQLite file, a cluster's PostgreSQL database) never read or overwrite each
/// other's.
/// </summary>
/// <param name="Account">The node's signing account.</param>
public sealed record SnapshotScope(Address Account)
{
    /// <summary>The persistence id of the snapshot of <paramref name="pool"/>'s tracker: <c>tracker:&lt;account&gt;:&lt;pool&gt;</c>.</summary>
    public string Tracker(Address pool) => $"tracker:{Account.ToLowerHex()}:{pool.ToLowerHex()}";

    /// <summary>The persistence id of the chain watcher's checkpoint: <c>watcher:&lt;account&gt;:checkpoint</c>.</summary>
    public string Checkpoint => $"watcher:{Account.ToLowerHex()}:checkpoint";
}
