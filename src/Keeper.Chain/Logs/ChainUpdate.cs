using Keeper.Chain.Eth;

namespace Keeper.Chain.Logs;

/// <summary>What one poll of the chain found.</summary>
/// <param name="Reorg">The reorg that happened since the last poll, if any; its removed blocks precede the new ones.</param>
/// <param name="NewBlocks">The new canonical blocks, oldest first, each the parent of the next.</param>
public sealed record ChainUpdate(ChainReorg? Reorg, IReadOnlyList<BlockHeader> NewBlocks)
{
    /// <summary>No change.</summary>
    public static ChainUpdate None { get; } = new(null, []);

    /// <summary>True when the poll found nothing new.</summary>
    public bool IsEmpty => Reorg is null && NewBlocks.Count == 0;
}
