using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Tracking;

/// <summary>Reads the accounts from the chain in batches (Multicall3 or JSON-RPC batches, as <paramref name="batch"/> is set up).</summary>
/// <param name="batch">The batch caller.</param>
public sealed class ChainOperatorAccountReader(BatchCaller batch) : IOperatorAccountReader
{
    /// <inheritdoc />
    public Task<IReadOnlyList<MegapoolAccount>> ReadAsync(Address depositPool, IReadOnlyList<(Address Megapool, Address? Node)> megapools, ulong block, CancellationToken cancellationToken) =>
        MegapoolAccounts.ReadAsync(batch, depositPool, megapools, BlockTag.At(block), cancellationToken);
}
