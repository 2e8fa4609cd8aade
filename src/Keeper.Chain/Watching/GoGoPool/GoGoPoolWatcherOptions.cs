using Keeper.Chain.Logs;

namespace Keeper.Chain.Watching.GoGoPool;

/// <summary>How the <see cref="GoGoPoolWatcher"/> reads and follows its chain.</summary>
public sealed record GoGoPoolWatcherOptions
{
    /// <summary>The block a cold start reads state at; null for the current head.</summary>
    public ulong? StartBlock { get; init; }

    /// <summary>
    /// Contract addresses, settings and the rewards cycle are read again when this many blocks have passed since the last
    /// read: 300 C-Chain blocks of about 2 s, so about every 10 minutes. GoGoPool's settings change by multisig
    /// transactions that emit nothing the watcher follows, so this interval is how soon it notices one.
    /// </summary>
    public ulong SettingsRefreshBlocks { get; init; } = 300;

    /// <summary>How many minipool records one page of a full read (cold start, reorg, moved contracts) asks for.</summary>
    public int MinipoolPageSize { get; init; } = 500;

    /// <summary>How the follower tracks heads and reorgs.</summary>
    public ChainFollowerOptions Follower { get; init; } = new();

    /// <summary>How logs are fetched over ranges.</summary>
    public LogFetcherOptions Logs { get; init; } = new();

    /// <summary>Checks the options, throwing an error that names the bad setting.</summary>
    public GoGoPoolWatcherOptions Validate()
    {
        if (SettingsRefreshBlocks == 0)
        {
            throw new ArgumentException("GoGoPoolWatcherOptions.SettingsRefreshBlocks must be at least 1 block.");
        }

        if (MinipoolPageSize is < 1 or > 10_000)
        {
            throw new ArgumentException($"GoGoPoolWatcherOptions.MinipoolPageSize must be 1-10000 records; it is {MinipoolPageSize}.");
        }

        Follower.Validate();
        Logs.Validate();
        return this;
    }
}
