using System.Collections.Immutable;
using Keeper.Chain.Beacon;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.Beacon;

/// <summary>
/// A synthetic beacon chain for the devnet, consistent with the Rocket Pool harness on anvil: its validators are the
/// harness's (<see cref="Sync"/>), its slots follow anvil's clock (<see cref="Produce"/> makes one block per slot in which
/// anvil mined), and the devnet can exit validators, give them other withdrawal credentials, slash them and pay out
/// their withdrawals through a block's execution payload. States and blocks are real Electra SSZ: every block's
/// <c>state_root</c> is the hash_tree_root of the state after it, <c>block_roots</c> and <c>historical_summaries</c>
/// follow the spec across gaps of empty slots. Only compact per-block records are kept; states are regenerated on
/// request. Thread-safe.
/// </summary>
public sealed partial class DevBeaconChain
{
    private readonly object _gate = new();
    private readonly DevBeaconChainOptions _options;
    private readonly DevBeaconHistory _history;
    private readonly List<DevValidator> _registry = [];
    private readonly Dictionary<ValidatorPubkey, int> _indexByPubkey = [];
    private readonly List<PendingWithdrawal> _pendingWithdrawals = [];
    private readonly LinkedList<(ulong Slot, byte[] State)> _stateCache = new();
    private ImmutableArray<DevValidator> _snapshot = [];
    private bool _registryChanged;
    private ulong _nextWithdrawalIndex;

    /// <summary>Creates the chain with its genesis block at slot 0, <paramref name="genesisTime"/>.</summary>
    /// <param name="genesisTime">Unix seconds of slot 0: at or before anvil's first block.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    public DevBeaconChain(ulong genesisTime, DevBeaconChainOptions? options = null)
    {
        _options = options ?? new DevBeaconChainOptions();
        if (_options.CredentialsPrefix is not (0x01 or 0x02))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.CredentialsPrefix, "CredentialsPrefix must be 0x01 or 0x02.");
        }

        GenesisTime = genesisTime;
        GenesisValidatorsRoot = _options.GenesisValidatorsRoot ?? DevBeaconSsz.Types.BeaconState.FieldType("validators").HashTreeRoot([]);
        _history = new DevBeaconHistory(Genesis(), vector => DevBeaconSsz.Types.BeaconState.FieldType("block_roots").HashTreeRoot(vector));
    }

    /// <summary>Unix seconds of slot 0.</summary>
    public ulong GenesisTime { get; }

    /// <summary>The genesis validators root (<see cref="DevBeaconChainOptions.GenesisValidatorsRoot"/>).</summary>
    public Hash32 GenesisValidatorsRoot { get; }

    /// <summary>The newest block.</summary>
    public DevBeaconBlock Head
    {
        get
        {
            lock (_gate)
            {
                return _history.Head;
            }
        }
    }

    /// <summary>The finalized block: see <see cref="DevBeaconChainOptions.FinalityDelayEpochs"/>.</summary>
    public DevBeaconBlock Finalized
    {
        get
        {
            lock (_gate)
            {
                return FinalizedBlock();
            }
        }
    }

    /// <summary>The slot that contains <paramref name="timestamp"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The timestamp is before genesis.</exception>
    public ulong SlotAt(ulong timestamp) =>
        timestamp >= GenesisTime
            ? (timestamp - GenesisTime) / DevBeaconSpec.SecondsPerSlot
            : throw new ArgumentOutOfRangeException(nameof(timestamp), timestamp, $"The time is before the beacon chain's genesis at {GenesisTime}.");

    /// <summary>The start of <paramref name="slot"/> in Unix seconds: the timestamp EIP-4788 keys its parent block root under.</summary>
    public ulong SlotTimestamp(ulong slot) => GenesisTime + (slot * DevBeaconSpec.SecondsPerSlot);

    /// <summary>
    /// Produces the block of the slot that contains <paramref name="execution"/>'s timestamp, unless that slot already
    /// has one (or is older than the head): applies the changes made since the last block and carries up to 16 queued
    /// withdrawals in its execution payload. Returns the block, or null when none was due.
    /// </summary>
    public DevBeaconBlock? Produce(DevExecutionBlock execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        List<(TaskCompletionSource<DevWithdrawalInclusion> Done, DevWithdrawalInclusion Inclusion)> included = [];
        DevBeaconBlock block;
        lock (_gate)
        {
            var slot = SlotAt(execution.Timestamp);
            if (slot <= _history.Head.Slot)
            {
                return null;
            }

            var withdrawals = TakeWithdrawals(slot, included);
            if (_registryChanged)
            {
                _snapshot = [.. _registry];
                _registryChanged = false;
            }

            var body = DevBeaconSsz.Body(SlotTimestamp(slot), execution, withdrawals);
            block = Seal(slot, _history.Head.Root, body, _snapshot, withdrawals, execution.Number, execution.Hash);
            _history.Add(block);
        }

        foreach (var (done, inclusion) in included)
        {
            done.TrySetResult(inclusion);
        }

        return block;
    }

    private DevBeaconBlock Genesis()
    {
        var body = DevBeaconSsz.Types.BeaconBlockBody.DefaultValue();
        return Seal(0, Hash32.Zero, body, [], [], 0, Hash32.Zero);
    }

    // Hashes the state after the block (its header's state_root still zero, as process_block_header leaves it), then the
    // block that names that state root.
    private DevBeaconBlock Seal(
        ulong slot, Hash32 parentRoot, byte[] body, ImmutableArray<DevValidator> validators, ImmutableArray<DevWithdrawal> withdrawals, ulong executionNumber, Hash32 executionHash)
    {
        const ulong ProposerIndex = 0;
        var types = DevBeaconSsz.Types;
        var bodyRoot = types.BeaconBlockBody.HashTreeRoot(body);
        var nextWithdrawalIndex = _nextWithdrawalIndex;
        var header = DevBeaconSsz.Header(slot, ProposerIndex, parentRoot, Hash32.Zero, bodyRoot);
        var state = BuildState(slot, header, validators, nextWithdrawalIndex);
        var stateRoot = types.BeaconState.HashTreeRoot(state);
        var root = types.BeaconBlock.HashTreeRoot(DevBeaconSsz.Block(slot, ProposerIndex, parentRoot, stateRoot, body));
        Remember(slot, state);
        return new DevBeaconBlock(slot, ProposerIndex, parentRoot, stateRoot, bodyRoot, root, body, validators, withdrawals, nextWithdrawalIndex, executionNumber, executionHash);
    }

    private DevBeaconBlock FinalizedBlock()
    {
        var headEpoch = _history.Head.Slot / DevBeaconSpec.SlotsPerEpoch;
        return headEpoch <= _options.FinalityDelayEpochs
            ? _history.Blocks[0]
            : _history.AtOrBefore((headEpoch - _options.FinalityDelayEpochs) * DevBeaconSpec.SlotsPerEpoch);
    }

    private sealed record PendingWithdrawal(ValidatorPubkey Pubkey, ulong AmountGwei, Address? To, TaskCompletionSource<DevWithdrawalInclusion> Done);
}
