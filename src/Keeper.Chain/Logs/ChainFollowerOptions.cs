namespace Keeper.Chain.Logs;

/// <summary>How <see cref="ChainFollower"/> follows the head.</summary>
public sealed record ChainFollowerOptions
{
    /// <summary>How many recent blocks are remembered to find a common ancestor after a reorg (the deepest reorg handled).</summary>
    public int HistoryDepth { get; init; } = 256;

    /// <summary>The most blocks fetched in one poll; a follower far behind catches up over several polls.</summary>
    public int MaxBlocksPerPoll { get; init; } = 500;

    /// <summary>Checks the options, throwing an error that names the bad setting.</summary>
    public ChainFollowerOptions Validate()
    {
        if (HistoryDepth < 2)
        {
            throw new ArgumentException($"ChainFollowerOptions.HistoryDepth must be at least 2 blocks; it is {HistoryDepth}.");
        }

        if (MaxBlocksPerPoll < 1)
        {
            throw new ArgumentException($"ChainFollowerOptions.MaxBlocksPerPoll must be at least 1; it is {MaxBlocksPerPoll}.");
        }

        return this;
    }
}
