namespace Keeper.Chain.Logs;

/// <summary>How <see cref="LogFetcher"/> cuts a block range into requests.</summary>
public sealed record LogFetcherOptions
{
    /// <summary>The largest range, in blocks, asked in one request (public providers commonly allow 1,000 to 10,000).</summary>
    public ulong MaxBlocksPerRequest { get; init; } = 2_000;

    /// <summary>Checks the options, throwing an error that names the bad setting.</summary>
    public LogFetcherOptions Validate()
    {
        if (MaxBlocksPerRequest == 0)
        {
            throw new ArgumentException("LogFetcherOptions.MaxBlocksPerRequest must be at least 1 block.");
        }

        return this;
    }
}
