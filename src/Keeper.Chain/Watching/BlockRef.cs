using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Watching;

/// <summary>The block an event or a read belongs to.</summary>
/// <param name="Number">The block number.</param>
/// <param name="Hash">The block hash.</param>
/// <param name="Timestamp">The block timestamp (chain time).</param>
public sealed record BlockRef(ulong Number, Hash32 Hash, ulong Timestamp)
{
    /// <summary>The reference of a header.</summary>
    public static BlockRef Of(BlockHeader header) => new(header.Number, header.Hash, header.Timestamp);
}
