using Keeper.Chain.Calls;
using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Eth;
using Keeper.Chain.Logs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keeper.Chain.Watching;

/// <summary>
/// Follows a Rocket Pool deployment and reports typed <see cref="WatcherEvent"/>s. A cold start reads every pool's
/// state in batches at one block; after that, each poll fetches the new blocks' logs in one ranged request, discovers
/// new validators and minipools, re-reads the pools the logs touched, and reports reorgs with what they undid.
/// Steady state costs two requests per block (head and logs) plus one batched read when something happened. Settings
/// and contract addresses are read again every <see cref="ChainWatcherOptions.SettingsRefreshBlocks"/> and in the block
/// where a DAO proposal is executed.
/// Not thread-safe: one owner polls it.
/// </summary>
public sealed partial class ChainWatcher
{
    private readonly EthApi _eth;
    private readonly BatchCaller _batch;
    private RocketPoolDeployment _deployment;
    private readonly ChainWatcherOptions _options;
    private readonly ChainFollower _follower;
    private readonly LogFetcher _logs;
    private MegapoolManager _megapoolManager;
    private MinipoolManager _minipoolManager;
    private readonly ILogger _logger;
    private WatcherState _state = new();
    private bool _started;
    private bool _rereadAll;
    private ulong? _coldStartBlock;
    private ulong? _settingsBlock;
    private SettingsRead? _settings;

    /// <summary>Creates a watcher; the first poll cold-starts unless <see cref="Resume"/> was called.</summary>
    public ChainWatcher(EthApi eth, BatchCaller batch, RocketPoolDeployment deployment, ChainWatcherOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        _eth = eth;
        _batch = batch;
        _deployment = deployment;
        _options = (options ?? new ChainWatcherOptions()).Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        _follower = new ChainFollower(eth, _options.Follower, loggerFactory.CreateLogger<ChainFollower>());
        _logs = new LogFetcher(eth, _options.Logs, loggerFactory.CreateLogger<LogFetcher>());
        _logger = loggerFactory.CreateLogger<ChainWatcher>();
        UseDeployment(deployment);
    }

    /// <summary>The contracts as last resolved from RocketStorage (they move when an upgrade re-registers them).</summary>
    public RocketPoolDeployment Deployment => _deployment;

    /// <summary>Where the watcher stands; save it to resume after a restart.</summary>
    public WatcherCheckpoint Checkpoint => new(_follower.RecentBlocks, _state.ManagerValidatorCount, [.. _state.Validators], [.. _state.Minipools]);

    /// <summary>The last block fully reported, or null before the first poll.</summary>
    public BlockHeader? Head => _follower.Head;

    /// <summary>The chain's tip as the node last reported it (the cold start's block until the first follow-up poll); null before.</summary>
    public ulong? ChainTip => _follower.LatestSeen is { } seen && seen > (_coldStartBlock ?? 0) ? seen : _coldStartBlock ?? _follower.LatestSeen;

    /// <summary>
    /// Resumes from a checkpoint instead of cold-starting. The first poll reports the logs since the checkpoint, then
    /// re-reads every known pool at the new head (so consumers get exact state without history being rescanned).
    /// </summary>
    public void Resume(WatcherCheckpoint checkpoint)
    {
        if (_started)
        {
            throw new InvalidOperationException("Resume must be called before the first poll.");
        }

        _follower.Resume(checkpoint.RecentBlocks);
        _state.Restore(checkpoint);
        _started = true;
        _rereadAll = true;
    }

    /// <summary>Polls once and returns what happened since the last poll, in chain order; empty when nothing did.</summary>
    public async Task<IReadOnlyList<WatcherEvent>> PollAsync(CancellationToken cancellationToken)
    {
        var events = new List<WatcherEvent>();
        await PollAsync(events.AddRange, cancellationToken);
        return events;
    }

    /// <summary>
    /// Polls once and hands what happened since the last poll to <paramref name="report"/>, in chain order. A cold start
    /// reports in parts as it reads (the settings, then each batch of the validator index, the minipools, the head), so
    /// the consumer can work while the rest is read; a later poll reports once. When a cold start fails part-way, the next
    /// poll starts it again from scratch, at a new head, and reports everything again.
    /// </summary>
    public async Task PollAsync(Action<IReadOnlyList<WatcherEvent>> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!_started)
        {
            await ColdStartAsync(report, cancellationToken);
            _started = true;
            return;
        }

        var events = new List<WatcherEvent>();
        var update = await _follower.PollAsync(cancellationToken);
        if (update.IsEmpty && !_rereadAll)
        {
            return;
        }

        var touched = new Touched();
        if (_rereadAll)
        {
            touched.Validators.UnionWith(_state.Validators);
            touched.Minipools.UnionWith(_state.Minipools);
            _rereadAll = false;
        }

        var readBlock = BlockRef.Of(_follower.Head!);
        if (update.Reorg is { } reorg)
        {
            await HandleReorgAsync(reorg, touched, events, cancellationToken);
        }

        if (update.NewBlocks.Count > 0)
        {
            var processed = await ProcessBlocksAsync(update.NewBlocks, touched, events, cancellationToken);
            readBlock = BlockRef.Of(processed ?? _follower.Head!);
        }

        if (touched.RefreshIndex)
        {
            await RefreshIndexAsync(touched, readBlock, events, cancellationToken);
        }

        await ReadTouchedAsync(touched, readBlock, events, cancellationToken);
        await RefreshSettingsAsync(readBlock, touched.Settings, events, cancellationToken);
        events.Add(new HeadAdvanced(readBlock));
        _state.Prune(_follower.RecentBlocks.Count > 0 ? _follower.RecentBlocks[0].Number : 0);
        report(events);
    }

    private async Task ColdStartAsync(Action<IReadOnlyList<WatcherEvent>> report, CancellationToken cancellationToken)
    {
        try
        {
            var header = await _eth.GetBlockAsync(_options.StartBlock is { } start ? BlockTag.At(start) : BlockTag.Latest, cancellationToken);
            _coldStartBlock = header.Number;
            var block = BlockRef.Of(header);
            var at = BlockTag.At(header.Number);

            var settings = new List<WatcherEvent>(1);
            await RefreshSettingsAsync(block, force: true, settings, cancellationToken);
            report(settings);
            var validatorCount = await _megapoolManager.GetValidatorCountAsync(at, cancellationToken);
            await foreach (var part in _megapoolManager.ReadValidatorsAsync(0, validatorCount, at, cancellationToken))
            {
                report(Discovered(part, block));
            }

            _state.ManagerValidatorCount = validatorCount;
            var minipoolCount = await _minipoolManager.GetMinipoolCountAsync(at, cancellationToken);
            var minipools = await _minipoolManager.GetMinipoolsAsync(0, minipoolCount, at, cancellationToken);
            var minipoolReads = await PoolReads.MinipoolsAsync(_batch, minipools, block, cancellationToken);
            foreach (var minipool in minipools)
            {
                _state.AddMinipool(minipool, header.Number);
            }

            report(minipoolReads);
            _follower.Resume([header]);
            report([new HeadAdvanced(block)]);
            LogColdStart(_logger, header.Number, (long)validatorCount, minipools.Count);
        }
        catch
        {
            // What was reported so far stays true at its block, and the retry reads every pool again at a newer one; but
            // this watcher must not remember pools it found, or settings it read, at a head it never resumed from.
            _state = new WatcherState();
            _settings = null;
            _settingsBlock = null;
            throw;
        }
    }

    private async Task<IReadOnlyList<MegapoolValidatorRead>> DiscoverValidatorsAsync(ulong count, BlockRef block, CancellationToken cancellationToken)
    {
        var from = _state.ManagerValidatorCount;
        if (count <= from)
        {
            return [];
        }

        var entries = await _megapoolManager.GetValidatorsAsync(from, count - from, BlockTag.At(block.Number), cancellationToken);
        _state.ManagerValidatorCount = count;
        return Discovered(entries, block);
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_deployment), nameof(_megapoolManager), nameof(_minipoolManager))]
    private void UseDeployment(RocketPoolDeployment deployment)
    {
        _deployment = deployment;
        _megapoolManager = new MegapoolManager(_eth, _batch, deployment.MegapoolManager);
        _minipoolManager = new MinipoolManager(_eth, _batch, deployment.MinipoolManager);
    }

    // Remembers the validators and reports them; their megapool's address is shared with the validators already known,
    // not one copy per validator, since every tracker and set downstream keeps it.
    private MegapoolValidatorRead[] Discovered(IReadOnlyList<ManagedValidator> entries, BlockRef block)
    {
        var reads = new MegapoolValidatorRead[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var megapool = _state.Intern(entry.Megapool);
            _state.AddValidator(new ValidatorKey(megapool, entry.ValidatorId), block.Number);
            reads[i] = new MegapoolValidatorRead(block, megapool, entry.ValidatorId, entry.Pubkey, entry.Info);
        }

        return reads;
    }
}
