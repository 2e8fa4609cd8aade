using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Watching;

/// <summary>
/// Where a watcher stands, to resume after a restart without rescanning history: the recent canonical blocks (to detect
/// a reorg that happened while it was down), the pools it knows and how far it has read the manager's validator index.
/// </summary>
/// <param name="RecentBlocks">Recent canonical blocks, oldest first; the last one is the last block fully reported.</param>
/// <param name="ManagerValidatorCount">How many entries of the megapool manager's index were read.</param>
/// <param name="Validators">The known megapool validators.</param>
/// <param name="Minipools">The known legacy minipools.</param>
public sealed record WatcherCheckpoint(
    IReadOnlyList<BlockHeader> RecentBlocks,
    ulong ManagerValidatorCount,
    IReadOnlyList<ValidatorKey> Validators,
    IReadOnlyList<Address> Minipools);
