using Keeper.Chain.Logs;

namespace Keeper.Chain.Watching;

/// <summary>How the <see cref="ChainWatcher"/> reads and follows the chain.</summary>
public sealed record ChainWatcherOptions
{
    /// <summary>The block a cold start reads state at; null for the current head.</summary>
    public ulong? StartBlock { get; init; }

    /// <summary>Settings are re-read when this many blocks have passed since the last read (they change rarely, by DAO vote).</summary>
    public ulong SettingsRefreshBlocks { get; init; } = 300;

    /// <summary>How the follower tracks heads and reorgs.</summary>
    public ChainFollowerOptions Follower { get; init; } = new();

    /// <summary>How logs are fetched over ranges.</summary>
    public LogFetcherOptions Logs { get; init; } = new();

    /// <summary>Checks the options, throwing an error that names the bad setting.</summary>
    public ChainWatcherOptions Validate()
    {
        if (SettingsRefreshBlocks == 0)
        {
            throw new ArgumentException("ChainWatcherOptions.SettingsRefreshBlocks must be at least 1 block.");
        }

        Follower.Validate();
        Logs.Validate();
        return this;
    }
}
