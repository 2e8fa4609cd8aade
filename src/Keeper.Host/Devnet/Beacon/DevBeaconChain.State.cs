using System.Collections.Immutable;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.Beacon;

public sealed partial class DevBeaconChain
{
    /// <summary>
    /// The serialized state at <paramref name="slot"/> (at most the head's): after the newest block at or before it, and
    /// for an empty slot advanced to it as <c>process_slots</c> would (the header's state root filled in, the roots
    /// vectors and summaries up to that slot; no epoch processing).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The slot is after the head.</exception>
    public byte[] StateAt(ulong slot)
    {
        lock (_gate)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(slot, _history.Head.Slot);
            if (Recall(slot) is { } cached)
            {
                return cached;
            }

            var block = _history.AtOrBefore(slot);
            var header = DevBeaconSsz.Header(block.Slot, block.ProposerIndex, block.ParentRoot, block.Slot == slot ? Hash32.Zero : block.StateRoot, block.BodyRoot);
            var state = BuildState(slot, header, block.Validators, block.NextWithdrawalIndex);
            Remember(slot, state);
            return state;
        }
    }

    private byte[] BuildState(ulong slot, byte[] latestHeader, ImmutableArray<DevValidator> validators, ulong nextWithdrawalIndex)
    {
        var types = DevBeaconSsz.Types;
        var state = types.BeaconState;
        var fork = types.Fork.Serialize(new Dictionary<string, byte[]>
        {
            ["previous_version"] = DevBeaconSpec.VersionBytes(DevBeaconSpec.ElectraForkVersion),
            ["current_version"] = DevBeaconSpec.VersionBytes(DevBeaconSpec.ElectraForkVersion),
            ["epoch"] = DevBeaconSsz.U64(0),
        });

        // The genesis state is built before the history exists; at slot 0 there is nothing before it.
        var fields = new Dictionary<string, byte[]>
        {
            ["genesis_time"] = DevBeaconSsz.U64(GenesisTime),
            ["genesis_validators_root"] = GenesisValidatorsRoot.ToArray(),
            ["slot"] = DevBeaconSsz.U64(slot),
            ["fork"] = fork,
            ["latest_block_header"] = latestHeader,
            ["block_roots"] = slot == 0 ? state.FieldType("block_roots").DefaultValue() : _history.BlockRoots(slot),
            ["state_roots"] = slot == 0 ? state.FieldType("state_roots").DefaultValue() : _history.StateRoots(slot),
            ["validators"] = DevBeaconSsz.Sequence(state, "validators", validators.Select(DevBeaconSsz.Validator)),
            ["balances"] = DevBeaconSsz.Sequence(state, "balances", validators.Select(v => DevBeaconSsz.U64(v.Balance))),
            ["previous_epoch_participation"] = new byte[validators.Length],
            ["current_epoch_participation"] = new byte[validators.Length],
            ["inactivity_scores"] = new byte[validators.Length * 8],
            ["next_withdrawal_index"] = DevBeaconSsz.U64(nextWithdrawalIndex),
            ["historical_summaries"] = slot == 0 ? [] : DevBeaconSsz.Sequence(state, "historical_summaries", _history.Summaries(slot).Select(Summary)),
        };
        return state.Serialize(fields);
    }

    private static byte[] Summary((Hash32 BlockSummaryRoot, Hash32 StateSummaryRoot) summary) =>
        DevBeaconSsz.Types.HistoricalSummary.Serialize(new Dictionary<string, byte[]>
        {
            ["block_summary_root"] = summary.BlockSummaryRoot.ToArray(),
            ["state_summary_root"] = summary.StateSummaryRoot.ToArray(),
        });

    private byte[]? Recall(ulong slot)
    {
        for (var node = _stateCache.First; node is not null; node = node.Next)
        {
            if (node.Value.Slot == slot)
            {
                _stateCache.Remove(node);
                _stateCache.AddFirst(node);
                return node.Value.State;
            }
        }

        return null;
    }

    private void Remember(ulong slot, byte[] state)
    {
        _stateCache.AddFirst((slot, state));
        while (_stateCache.Count > _options.StateCacheSize)
        {
            _stateCache.RemoveLast();
        }
    }
}
