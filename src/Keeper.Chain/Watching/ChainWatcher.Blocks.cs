using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.Events;
using Keeper.Chain.Eth;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Watching;

/// <content>Processing new blocks, reorgs and reads.</content>
public sealed partial class ChainWatcher
{
    // Returns the last block whose logs were reported, or null when a reorg raced the log read and nothing was.
    private async Task<BlockHeader?> ProcessBlocksAsync(IReadOnlyList<BlockHeader> blocks, Touched touched, List<WatcherEvent> events, CancellationToken cancellationToken)
    {
        var from = blocks[0].Number;
        var to = blocks[^1].Number;
        var logs = await _logs.GetLogsOfBlocksAsync(blocks, [], RocketPoolEvents.AllTopics, cancellationToken);
        if (logs is null)
        {
            // The node's logs belong to another branch than the headers we hold: a reorg raced us. Read the range again next poll.
            _follower.Rewind(from - 1);
            LogRaceRewind(_logger, from, to);
            return null;
        }

        var headers = blocks.ToDictionary(b => b.Number);
        var decoded = logs.Select(RocketPoolEvents.TryDecode).OfType<RocketPoolLog>().ToArray();
        var last = BlockRef.Of(blocks[^1]);
        if (touched.RefreshIndex || decoded.Any(NeedsIndexRefresh))
        {
            await RefreshIndexAsync(touched, last, events, cancellationToken);
        }

        foreach (var log in decoded)
        {
            if (Accept(log, touched))
            {
                events.Add(new PoolLogObserved(BlockRef.Of(headers[log.BlockNumber]), log));
            }
        }

        return blocks[^1];
    }

    private bool NeedsIndexRefresh(RocketPoolLog log) => log switch
    {
        MegapoolValidatorLog v => !_state.Validators.Contains(new ValidatorKey(v.Megapool, v.ValidatorId)),
        FundsRequestedLog f => f.Emitter == _deployment.DepositPool && !_state.Validators.Contains(new ValidatorKey(f.Receiver, f.ValidatorId)),
        _ => false,
    };

    // Keeps only events from the contracts they must come from (a topic alone proves nothing), and notes what they touched.
    private bool Accept(RocketPoolLog log, Touched touched)
    {
        switch (log)
        {
            case MegapoolValidatorLog v:
                var key = new ValidatorKey(v.Megapool, v.ValidatorId);
                if (!_state.Validators.Contains(key))
                {
                    return false;
                }

                touched.Validators.Add(key);
                _state.Touch(key, v.BlockNumber);
                return true;
            case MegapoolDebtIncreasedLog d:
                return _state.Megapools.Contains(d.Emitter);
            case FundsRequestedLog or FundsAssignedLog:
                return log.Emitter == _deployment.DepositPool;
            case MinipoolCreatedLog m when m.Emitter == _deployment.MinipoolManager:
                if (m.Destroyed)
                {
                    _state.RemoveMinipool(m.Minipool);
                    touched.Minipools.Remove(m.Minipool);
                }
                else if (_state.AddMinipool(m.Minipool, m.BlockNumber))
                {
                    touched.Minipools.Add(m.Minipool);
                }

                return true;
            case ProposalExecutedLog p when _deployment.IsProposalContract(p.Emitter):
                // Any setting or contract address may have changed: read them again at this poll's block, so every
                // deadline they move is rescheduled in the block the change landed in.
                touched.Settings = true;
                LogProposalExecuted(_logger, p.ProposalId, p.BlockNumber, p.Emitter.ToString());
                return false;
            case MinipoolStatusUpdatedLog s when _state.Minipools.Contains(s.Minipool):
                touched.Minipools.Add(s.Minipool);
                _state.Touch(s.Minipool, s.BlockNumber);
                return true;
            default:
                return false;
        }
    }

    private async Task HandleReorgAsync(ChainReorg reorg, Touched touched, List<WatcherEvent> events, CancellationToken cancellationToken)
    {
        var ancestor = BlockRef.Of(reorg.CommonAncestor);
        events.Add(new ChainReorged(ancestor, reorg));
        LogReorg(_logger, reorg.Depth, ancestor.Number);

        var (forgottenValidators, forgottenMinipools, touchedValidators, touchedMinipools) = _state.Undo(ancestor.Number);
        // Settings read on the dropped branch may hold a change the new branch lacks (or lacks one it holds).
        touched.Settings |= _settingsBlock > ancestor.Number;
        foreach (var key in forgottenValidators)
        {
            events.Add(new PoolForgotten(ancestor, key.Megapool, key.ValidatorId));
            touched.Validators.Remove(key);
        }

        foreach (var minipool in forgottenMinipools)
        {
            events.Add(new PoolForgotten(ancestor, minipool, null));
            touched.Minipools.Remove(minipool);
        }

        touched.Validators.UnionWith(touchedValidators);
        touched.Minipools.UnionWith(touchedMinipools);
        if (forgottenValidators.Count > 0)
        {
            // The index is append-only on each branch: read it again from where the ancestor had it. Validators the
            // dropped branch found that also exist on the new one are found again by the refresh.
            _state.ManagerValidatorCount = await _megapoolManager.GetValidatorCountAsync(BlockTag.At(ancestor.Number), cancellationToken);
            touched.RefreshIndex = true;
        }
    }

    private async Task RefreshIndexAsync(Touched touched, BlockRef block, List<WatcherEvent> events, CancellationToken cancellationToken)
    {
        var count = await _megapoolManager.GetValidatorCountAsync(BlockTag.At(block.Number), cancellationToken);
        var found = await DiscoverValidatorsAsync(count, block, cancellationToken);
        events.AddRange(found);
        touched.Discovered.UnionWith(found.Select(f => new ValidatorKey(f.Megapool, f.ValidatorId)));
        touched.RefreshIndex = false;
    }

    private async Task ReadTouchedAsync(Touched touched, BlockRef block, List<WatcherEvent> events, CancellationToken cancellationToken)
    {
        // Validators found by this poll's index refresh were read with it.
        touched.Validators.ExceptWith(touched.Discovered);
        events.AddRange(await PoolReads.ValidatorsAsync(_batch, touched.Validators, block, cancellationToken));
        events.AddRange(await PoolReads.MinipoolsAsync(_batch, touched.Minipools, block, cancellationToken));
    }

    // Reads settings and contract addresses when forced (cold start, executed DAO proposal, reorg) or when the refresh
    // interval has passed: three requests (addresses, megapool settings, launch timeout) every interval, and none
    // otherwise. RocketStorage itself never moves; the node checked it is a contract at start.
    private async Task RefreshSettingsAsync(BlockRef block, bool force, List<WatcherEvent> events, CancellationToken cancellationToken)
    {
        if (!force && _settingsBlock is { } last && block.Number >= last && block.Number - last < _options.SettingsRefreshBlocks)
        {
            return;
        }

        var at = BlockTag.At(block.Number);
        var deployment = await new RocketStorage(_eth, _deployment.Storage).ReadAddressesAsync(_batch, at, cancellationToken);
        if (!deployment.SameAs(_deployment))
        {
            LogDeploymentChanged(_logger, block.Number, _deployment, deployment);
            UseDeployment(deployment);
            events.Add(new DeploymentChanged(block, deployment));
        }

        var megapool = await new MegapoolSettings(_batch, _deployment.MegapoolSettings).ReadAsync(at, cancellationToken);
        var launchTimeout = await new MinipoolSettings(_eth, _deployment.MinipoolSettings).GetLaunchTimeoutAsync(at, cancellationToken);
        _settingsBlock = block.Number;
        var read = new SettingsRead(block, megapool, launchTimeout);
        if (_settings is null || _settings.Megapool != read.Megapool || _settings.LaunchTimeout != read.LaunchTimeout)
        {
            if (_settings is not null)
            {
                LogSettingsChanged(_logger, block.Number, megapool, launchTimeout);
            }

            _settings = read;
            events.Add(read);
        }
    }

    private sealed class Touched
    {
        public HashSet<ValidatorKey> Validators { get; } = [];

        public HashSet<Address> Minipools { get; } = [];

        public HashSet<ValidatorKey> Discovered { get; } = [];

        public bool RefreshIndex { get; set; }

        public bool Settings { get; set; }
    }
}
