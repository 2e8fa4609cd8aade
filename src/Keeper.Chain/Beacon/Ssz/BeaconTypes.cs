using System.Collections.Concurrent;

namespace Keeper.Chain.Beacon.Ssz;

/// <summary>
/// The consensus containers of one fork with the mainnet preset's sizes, field names as in the consensus spec. Built once
/// per fork; the instances are immutable and shared.
/// </summary>
public sealed partial class BeaconTypes
{
    private static readonly ConcurrentDictionary<BeaconFork, BeaconTypes> ByFork = new();

    private BeaconTypes(BeaconFork fork)
    {
        BeaconFork = fork;
        Fork = Container("Fork", ("previous_version", Bytes4), ("current_version", Bytes4), ("epoch", Uint64));
        Checkpoint = Container("Checkpoint", ("epoch", Uint64), ("root", Bytes32));
        BeaconBlockHeader = Container(
            "BeaconBlockHeader", ("slot", Uint64), ("proposer_index", Uint64), ("parent_root", Bytes32), ("state_root", Bytes32), ("body_root", Bytes32));
        SignedBeaconBlockHeader = Container("SignedBeaconBlockHeader", ("message", BeaconBlockHeader), ("signature", Bytes96));
        Eth1Data = Container("Eth1Data", ("deposit_root", Bytes32), ("deposit_count", Uint64), ("block_hash", Bytes32));
        Validator = Container(
            "Validator",
            ("pubkey", Bytes48),
            ("withdrawal_credentials", Bytes32),
            ("effective_balance", Uint64),
            ("slashed", Boolean),
            ("activation_eligibility_epoch", Uint64),
            ("activation_epoch", Uint64),
            ("exit_epoch", Uint64),
            ("withdrawable_epoch", Uint64));
        Withdrawal = Container("Withdrawal", ("index", Uint64), ("validator_index", Uint64), ("address", Bytes20), ("amount", Uint64));
        HistoricalSummary = Container("HistoricalSummary", ("block_summary_root", Bytes32), ("state_summary_root", Bytes32));
        SyncCommittee = Container("SyncCommittee", ("pubkeys", new SszVectorType(Bytes48, SyncCommitteeSize)), ("aggregate_pubkey", Bytes48));
        ExecutionPayload = CreateExecutionPayload();
        ExecutionPayloadHeader = CreateExecutionPayloadHeader();
        BeaconBlockBody = CreateBeaconBlockBody();
        BeaconBlock = Container(
            "BeaconBlock", ("slot", Uint64), ("proposer_index", Uint64), ("parent_root", Bytes32), ("state_root", Bytes32), ("body", BeaconBlockBody));
        SignedBeaconBlock = Container("SignedBeaconBlock", ("message", BeaconBlock), ("signature", Bytes96));
        BeaconState = CreateBeaconState();
    }

    /// <summary>The fork these layouts belong to.</summary>
    public BeaconFork BeaconFork { get; }

    /// <summary>BeaconState.</summary>
    public SszContainerType BeaconState { get; }

    /// <summary>SignedBeaconBlock, as <c>/eth/v2/beacon/blocks/{id}</c> serves it.</summary>
    public SszContainerType SignedBeaconBlock { get; }

    /// <summary>BeaconBlock.</summary>
    public SszContainerType BeaconBlock { get; }

    /// <summary>BeaconBlockBody.</summary>
    public SszContainerType BeaconBlockBody { get; }

    /// <summary>BeaconBlockHeader: a block's root is this container's root.</summary>
    public SszContainerType BeaconBlockHeader { get; }

    /// <summary>SignedBeaconBlockHeader.</summary>
    public SszContainerType SignedBeaconBlockHeader { get; }

    /// <summary>ExecutionPayload.</summary>
    public SszContainerType ExecutionPayload { get; }

    /// <summary>ExecutionPayloadHeader.</summary>
    public SszContainerType ExecutionPayloadHeader { get; }

    /// <summary>Validator.</summary>
    public SszContainerType Validator { get; }

    /// <summary>Withdrawal.</summary>
    public SszContainerType Withdrawal { get; }

    /// <summary>HistoricalSummary.</summary>
    public SszContainerType HistoricalSummary { get; }

    /// <summary>Checkpoint.</summary>
    public SszContainerType Checkpoint { get; }

    /// <summary>Eth1Data.</summary>
    public SszContainerType Eth1Data { get; }

    /// <summary>SyncCommittee.</summary>
    public SszContainerType SyncCommittee { get; }

    /// <summary>The spec's Fork container (fork versions and epoch), not to be confused with <see cref="BeaconFork"/>.</summary>
    public SszContainerType Fork { get; }

    /// <summary>Every container of the fork by its spec name, sub-containers included.</summary>
    public IReadOnlyDictionary<string, SszContainerType> Containers => _containers;

    /// <summary>The layouts of <paramref name="fork"/>.</summary>
    public static BeaconTypes For(BeaconFork fork) => ByFork.GetOrAdd(fork, static f => new BeaconTypes(f));

    private SszContainerType Container(string name, params (string Name, SszType Type)[] fields)
    {
        var container = new SszContainerType(name, fields.Select(f => new SszField(f.Name, f.Type)).ToArray());
        _containers[name] = container;
        return container;
    }
}
