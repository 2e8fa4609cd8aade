using Keeper.Chain.Calls;
using Keeper.Chain.Contracts;
using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Logs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keeper.Chain.Watching.GoGoPool;

/// <summary>
/// Follows one GoGoPool deployment on its own chain and reports typed <see cref="GoGoPoolEvent"/>s in chain order.
/// </summary>
/// <remarks>
/// <para>
/// A cold start reads, at one block, the settings, the rewards cycle and every minipool record (by index, a page at a
/// time). After that each poll asks the follower for new blocks and, unless their blooms rule it out, fetches their
/// <c>MinipoolStatusChanged</c> and <c>NewRewardsCycleStarted</c> logs in one ranged request. Each status log leads to a
/// read of that node's record at the log's block, so its times and the block's timestamp say when it entered the
/// status; all of a poll's such reads go in one JSON-RPC batch. Steady state costs the head request and a log request
/// per poll, plus that batch when something happened; a poll that finds no new block costs the head request alone.
/// </para>
/// <para>
/// Every <see cref="GoGoPoolWatcherOptions.SettingsRefreshBlocks"/> blocks the contract addresses are resolved again from
/// Storage (an upgrade re-registers a name), and the settings and rewards cycle are read again.
/// </para>
/// <para>
/// After a reorg, and after MinipoolManager moved, the watcher reads every minipool again at the new head instead of
/// working out which ones the dropped blocks touched. GoGoPool has at most a few thousand minipools, so this is a few
/// batched requests for an event that is rare on the C-Chain (its consensus finalises blocks as it accepts them), and it
/// needs no per-minipool history: the reads that follow a <see cref="GoGoChainReorged"/> are the complete set of
/// minipools at the new head, so a node ID only the dropped blocks created is the one missing from them.
/// </para>
/// <para>
/// A poll that fails (an RPC fault, a bad answer) reports nothing and leaves the watcher where it stood, so the next poll
/// reads the same blocks again and reports a reorg the failed one found; a failed cold start is started again from scratch.
/// </para>
/// <para>Not thread-safe: one owner polls it.</para>
/// </remarks>
public sealed partial class GoGoPoolWatcher : IGoGoPoolWatcher
{
    private readonly EthApi _eth;
    private readonly BatchCaller _batch;
    private readonly GoGoPoolWatcherOptions _options;
    private readonly ChainFollower _follower;
    private readonly LogFetcher _logs;
    private readonly ILogger _logger;
    private GoGoPoolDeployment _deployment;
    private GoGoMinipoolManager _minipools;
    private RewardsPool _rewardsPool;
    private bool _started;
    private ulong? _coldStartBlock;
    private ulong? _refreshBlock;
    private bool _readAll;
    private readonly List<ChainReorg> _pendingReorgs = [];

    /// <summary>Creates a watcher of the deployment resolved from its Storage; the first poll cold-starts.</summary>
    public GoGoPoolWatcher(EthApi eth, BatchCaller batch, GoGoPoolDeployment deployment, GoGoPoolWatcherOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(eth);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(deployment);
        _eth = eth;
        _batch = batch;
        _options = (options ?? new GoGoPoolWatcherOptions()).Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        _follower = new ChainFollower(eth, _options.Follower, loggerFactory.CreateLogger<ChainFollower>());
        _logs = new LogFetcher(eth, _options.Logs, loggerFactory.CreateLogger<LogFetcher>());
        _logger = loggerFactory.CreateLogger<GoGoPoolWatcher>();
        UseDeployment(deployment);
    }

    /// <summary>The contracts as last resolved from Storage.</summary>
    public GoGoPoolDeployment Deployment => _deployment;

    /// <inheritdoc />
    public BlockHeader? Head => _follower.Head;

    /// <inheritdoc />
    public ulong? ChainTip => _follower.LatestSeen is { } seen && seen > (_coldStartBlock ?? 0) ? seen : _coldStartBlock ?? _follower.LatestSeen;

    /// <inheritdoc />
    public async Task<IReadOnlyList<GoGoPoolEvent>> PollAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            var coldStart = await ColdStartAsync(cancellationToken);
            _started = true;
            return coldStart;
        }

        var previous = _follower.Head!;
        var update = await FollowAsync(previous, cancellationToken);
        if (update.Reorg is { } reorg)
        {
            _pendingReorgs.Add(reorg);
        }

        if (update.NewBlocks.Count == 0 && _pendingReorgs.Count == 0 && !_readAll)
        {
            return [];
        }

        try
        {
            var events = await ReportAsync(update.NewBlocks, cancellationToken);
            _pendingReorgs.Clear();
            _readAll = false;
            return events;
        }
        catch
        {
            // Nothing of this poll was reported: the follower forgets its blocks, so the next poll fetches them again, and
            // a reorg it found (the follower reports one once) is reported then.
            _follower.Rewind(update.Reorg?.CommonAncestor.Number ?? previous.Number);
            throw;
        }
    }

    // The follower drops the blocks of a reorg before it fetches the new branch; when that fetch fails, its next poll
    // sees the new branch extend the ancestor and reports no reorg. The watcher keeps the reorg for its next poll itself.
    private async Task<ChainUpdate> FollowAsync(BlockHeader previous, CancellationToken cancellationToken)
    {
        var known = _follower.RecentBlocks;
        try
        {
            return await _follower.PollAsync(cancellationToken);
        }
        catch
        {
            if (_follower.Head is { } ancestor && ancestor.Hash != previous.Hash)
            {
                _pendingReorgs.Add(new ChainReorg(ancestor, [.. known.Where(b => b.Number > ancestor.Number)]));
            }

            throw;
        }
    }

    private async Task<IReadOnlyList<GoGoPoolEvent>> ReportAsync(IReadOnlyList<BlockHeader> newBlocks, CancellationToken cancellationToken)
    {
        var events = new List<GoGoPoolEvent>();
        foreach (var reorg in _pendingReorgs)
        {
            var ancestor = BlockRef.Of(reorg.CommonAncestor);
            events.Add(new GoGoChainReorged(ancestor, reorg));
            LogReorg(_logger, reorg.Depth, ancestor.Number);
            _readAll = true;
        }

        if (newBlocks.Count > 0 && !await ProcessBlocksAsync(newBlocks, events, cancellationToken) && events.Count == 0 && !_readAll)
        {
            return [];
        }

        // After a reorg that raced the log read, the follower stands where it was: the reads belong there.
        var head = BlockRef.Of(_follower.Head!);
        if (_readAll || RefreshDue(head.Number))
        {
            await RefreshAsync(head, events, cancellationToken);
        }

        if (_readAll)
        {
            events.AddRange(await ReadAllMinipoolsAsync(head, cancellationToken));
        }

        events.Add(new GoGoHeadAdvanced(head));
        return events;
    }

    private async Task<IReadOnlyList<GoGoPoolEvent>> ColdStartAsync(CancellationToken cancellationToken)
    {
        var header = await _eth.GetBlockAsync(_options.StartBlock is { } start ? BlockTag.At(start) : BlockTag.Latest, cancellationToken);
        var block = BlockRef.Of(header);
        var events = new List<GoGoPoolEvent>();
        try
        {
            // Storage is checked to be a contract once, here; the refreshes re-read its registry only.
            UseDeployment(await new GoGoStorage(_eth, _deployment.Storage).ResolveAsync(_batch, BlockTag.At(block.Number), cancellationToken));
            await RefreshAsync(block, events, cancellationToken);
            var minipools = await ReadAllMinipoolsAsync(block, cancellationToken);
            events.AddRange(minipools);
            _follower.Resume([header]);
            _coldStartBlock = header.Number;
            events.Add(new GoGoHeadAdvanced(block));
            LogColdStart(_logger, block.Number, minipools.Count, _deployment.MinipoolManager.ToString(), _deployment.RewardsPool.ToString());
            return events;
        }
        catch
        {
            // The next poll starts again from scratch at a newer head (and resolves Storage again).
            _refreshBlock = null;
            throw;
        }
    }

    private bool RefreshDue(ulong head) =>
        _refreshBlock is not { } last || head < last || head - last >= _options.SettingsRefreshBlocks;

    // Resolves the contracts again and reads the settings and the rewards cycle at the block. When MinipoolManager moved,
    // this poll's logs were asked of the old one, so every minipool is read again (until a poll reports that, it stays due).
    private async Task RefreshAsync(BlockRef block, List<GoGoPoolEvent> events, CancellationToken cancellationToken)
    {
        var at = BlockTag.At(block.Number);
        if (_refreshBlock is not null)
        {
            var resolved = await new GoGoStorage(_eth, _deployment.Storage).ReadAddressesAsync(_batch, at, cancellationToken);
            if (resolved != _deployment)
            {
                LogDeploymentChanged(_logger, block.Number, _deployment, resolved);
                _readAll |= resolved.MinipoolManager != _deployment.MinipoolManager;
                UseDeployment(resolved);
            }
        }

        var settings = await new ProtocolDao(_batch, _deployment.ProtocolDao).ReadSettingsAsync(at, cancellationToken);
        events.Add(new GoGoSettingsRead(block, settings));
        events.Add(new GoGoRewardsCycleRead(block, _rewardsPool.Address, await _rewardsPool.ReadCycleAsync(at, cancellationToken)));
        _refreshBlock = block.Number;
    }

    // Every record by index, a page at a time: count, then getMinipool(i) batched.
    private async Task<IReadOnlyList<GoGoMinipoolRead>> ReadAllMinipoolsAsync(BlockRef block, CancellationToken cancellationToken)
    {
        var at = BlockTag.At(block.Number);
        var count = await _minipools.GetMinipoolCountAsync(at, cancellationToken);
        var reads = new List<GoGoMinipoolRead>((int)Math.Min(count, 100_000));
        var page = (ulong)_options.MinipoolPageSize;
        for (ulong from = 0; from < count; from += page)
        {
            var size = Math.Min(page, count - from);
            IReadOnlyList<GoGoMinipool> records;
            try
            {
                records = await _minipools.GetMinipoolsAsync(from, size, at, cancellationToken);
            }
            catch (ContractDecodingException ex)
            {
                throw new GoGoPoolBindingException($"MinipoolManager at {_minipools.Address} answered getMinipool for indexes {from}-{from + size - 1} at block {block.Number} with data that is not GoGoPool's Minipool record. Is the configured Storage GoGoPool's?", ex);
            }

            reads.AddRange(records.Select(m => new GoGoMinipoolRead(block, m, StatusChanged: false)));
        }

        return reads;
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_deployment), nameof(_minipools), nameof(_rewardsPool))]
    private void UseDeployment(GoGoPoolDeployment deployment)
    {
        _deployment = deployment;
        _minipools = new GoGoMinipoolManager(_eth, _batch, deployment.MinipoolManager);
        _rewardsPool = new RewardsPool(_batch, deployment.RewardsPool);
    }
}
