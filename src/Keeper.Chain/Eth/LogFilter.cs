using Keeper.Chain.Primitives;

namespace Keeper.Chain.Eth;

/// <summary>An <c>eth_getLogs</c> filter over a block range.</summary>
/// <param name="FromBlock">The first block, inclusive.</param>
/// <param name="ToBlock">The last block, inclusive.</param>
/// <param name="Addresses">The emitting contracts; empty for any.</param>
/// <param name="Topics">
/// Per topic position, the accepted values (any of them matches); a null or empty position matches anything.
/// </param>
public sealed record LogFilter(
    ulong FromBlock,
    ulong ToBlock,
    IReadOnlyList<Address> Addresses,
    IReadOnlyList<IReadOnlyList<Hash32>?> Topics)
{
    /// <summary>The same filter over another range.</summary>
    public LogFilter WithRange(ulong fromBlock, ulong toBlock) => this with { FromBlock = fromBlock, ToBlock = toBlock };
}
