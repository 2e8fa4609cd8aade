using Keeper.Chain.Logs;

namespace Keeper.Chain.Watching;

/// <summary>How the <see cref="ChainWatcher"/> reads and follows the chain.</summary>
public sealed record ChainWatcherOptions
{
    /// <summary>The block a cold start reads state at; null for the current head.</summary>
    public ulong? StartBlock { get; init; }

    /// <summary>
    /// Settings and contract addresses are read again when this many blocks have passed since the last read: one epoch
    /// (32 slots) by default. An executed DAO proposal makes them read at once; this catches what changes them without
    /// one (an upgrade or hotfix contract writing storage directly).
    /// </summary>
    public ulong SettingsRefreshBlocks { get; init; } = 32;

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
