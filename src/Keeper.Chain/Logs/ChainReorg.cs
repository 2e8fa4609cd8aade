using Keeper.Chain.Eth;

namespace Keeper.Chain.Logs;

/// <summary>A reorg: the blocks after <paramref name="CommonAncestor"/> that are no longer canonical.</summary>
/// <param name="CommonAncestor">The newest block both the old and the new chain contain.</param>
/// <param name="Removed">The blocks that were dropped, oldest first. Anything read from them must be re-read.</param>
public sealed record ChainReorg(BlockHeader CommonAncestor, IReadOnlyList<BlockHeader> Removed)
{
    /// <summary>How many blocks were dropped.</summary>
    public int Depth => Removed.Count;
}
