using System.Text.RegularExpressions;
using Keeper.Chain.Eth;
using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keeper.Chain.Logs;

/// <summary>
/// Fetches logs over any block range: cuts it into requests of at most the configured span and, when a node refuses a
/// range as too large (too many results, range limit, response size), halves it and tries again. The span that worked
/// is remembered so the next ranges do not hit the limit again.
/// </summary>
public sealed partial class LogFetcher
{
    private readonly EthApi _eth;
    private readonly ILogger _logger;
    private readonly ulong _maxSpan;
    private ulong _span;

    /// <summary>Creates a fetcher.</summary>
    public LogFetcher(EthApi eth, LogFetcherOptions? options = null, ILogger<LogFetcher>? logger = null)
    {
        _eth = eth;
        _maxSpan = (options ?? new LogFetcherOptions()).Validate().MaxBlocksPerRequest;
        _span = _maxSpan;
        _logger = logger ?? NullLogger<LogFetcher>.Instance;
    }

    /// <summary>The span, in blocks, the next request will use.</summary>
    public ulong CurrentSpan => Volatile.Read(ref _span);

    /// <summary>Returns all logs matching the filter over its range, in block and log order.</summary>
    /// <exception cref="JsonRpcNodeException">The node refused even a single block, or failed for another reason.</exception>
    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken)
    {
        if (filter.ToBlock < filter.FromBlock)
        {
            throw new ArgumentException($"The log range is empty: from block {filter.FromBlock} is after to block {filter.ToBlock}.", nameof(filter));
        }

        var logs = new List<LogEntry>();
        var from = filter.FromBlock;
        while (true)
        {
            var span = CurrentSpan;
            var to = filter.ToBlock - from < span ? filter.ToBlock : from + span - 1;
            await FetchRangeAsync(filter, from, to, logs, cancellationToken);
            if (to == filter.ToBlock)
            {
                return logs;
            }

            from = to + 1;
        }
    }

    /// <summary>
    /// The logs of <paramref name="blocks"/> (consecutive, oldest first) emitted by <paramref name="addresses"/> (any when
    /// empty) with a first topic among <paramref name="topics"/>. No request when every block's logs bloom proves none is
    /// there (most blocks). Null when the node's logs belong to another branch than these headers: a reorg raced the read,
    /// and the caller reads the range again once its follower has seen the reorg.
    /// </summary>
    public async Task<IReadOnlyList<LogEntry>?> GetLogsOfBlocksAsync(
        IReadOnlyList<BlockHeader> blocks, IReadOnlyList<Address> addresses, IReadOnlyList<Hash32> topics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.All(b => b.LogsBloom is { } bloom && !LogsBloom.MayContainAny(bloom, topics)))
        {
            return [];
        }

        var logs = await GetLogsAsync(new LogFilter(blocks[0].Number, blocks[^1].Number, addresses, [topics]), cancellationToken);
        var headers = blocks.ToDictionary(b => b.Number, b => b.Hash);
        return logs.Any(l => !headers.TryGetValue(l.BlockNumber, out var hash) || hash != l.BlockHash) ? null : logs;
    }

    private async Task FetchRangeAsync(LogFilter filter, ulong from, ulong to, List<LogEntry> sink, CancellationToken cancellationToken)
    {
        try
        {
            sink.AddRange(await _eth.GetLogsAsync(filter.WithRange(from, to), cancellationToken));
        }
        catch (JsonRpcNodeException ex) when (to > from && IsRangeTooLarge(ex))
        {
            var half = (to - from + 1) / 2;
            Volatile.Write(ref _span, Math.Max(1, Math.Min(CurrentSpan, half)));
            LogRangeSplit(_logger, from, to, half, ex.NodeMessage);
            await FetchRangeAsync(filter, from, from + half - 1, sink, cancellationToken);
            await FetchRangeAsync(filter, from + half, to, sink, cancellationToken);
        }
    }

    /// <summary>True when a node's error says the log query covered too much (the wording differs between nodes and providers).</summary>
    public static bool IsRangeTooLarge(JsonRpcNodeException error) =>
        error.Code is -32005 || TooLargeMessage().IsMatch(error.NodeMessage);

    [GeneratedRegex(@"too many|more than \d+|range (is )?too (large|wide|big)|block range|exceed|response size|limit|query timeout|max(imum)? (block )?range", RegexOptions.IgnoreCase)]
    private static partial Regex TooLargeMessage();
}
