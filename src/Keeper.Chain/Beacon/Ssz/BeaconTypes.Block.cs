namespace Keeper.Chain.Beacon.Ssz;

/// <summary>The block body and execution payload (identical in Electra and Fulu).</summary>
public sealed partial class BeaconTypes
{
    private SszContainerType CreateExecutionPayload() => Container(
        "ExecutionPayload",
        [.. ExecutionPayloadHead(), ("transactions", new SszListType(new SszByteListType(MaxBytesPerTransaction), MaxTransactionsPerPayload)),
            ("withdrawals", new SszListType(Withdrawal, MaxWithdrawalsPerPayload)), .. BlobGas()]);

    private SszContainerType CreateExecutionPayloadHeader() => Container(
        "ExecutionPayloadHeader",
        [.. ExecutionPayloadHead(), ("transactions_root", Bytes32), ("withdrawals_root", Bytes32), .. BlobGas()]);

    private static (string, SszType)[] ExecutionPayloadHead() =>
    [
        ("parent_hash", Bytes32),
        ("fee_recipient", Bytes20),
        ("state_root", Bytes32),
        ("receipts_root", Bytes32),
        ("logs_bloom", new SszByteVectorType(BytesPerLogsBloom)),
        ("prev_randao", Bytes32),
        ("block_number", Uint64),
        ("gas_limit", Uint64),
        ("gas_used", Uint64),
        ("timestamp", Uint64),
        ("extra_data", new SszByteListType(MaxExtraDataBytes)),
        ("base_fee_per_gas", Uint256),
        ("block_hash", Bytes32),
    ];

    private static (string, SszType)[] BlobGas() => [("blob_gas_used", Uint64), ("excess_blob_gas", Uint64)];

    private SszContainerType CreateBeaconBlockBody()
    {
        var attestationData = Container(
            "AttestationData", ("slot", Uint64), ("index", Uint64), ("beacon_block_root", Bytes32), ("source", Checkpoint), ("target", Checkpoint));
        var indexedAttestation = Container(
            "IndexedAttestation", ("attesting_indices", new SszListType(Uint64, MaxCommitteeBits)), ("data", attestationData), ("signature", Bytes96));
        var attestation = Container(
            "Attestation",
            ("aggregation_bits", new SszBitlistType(MaxCommitteeBits)),
            ("data", attestationData),
            ("signature", Bytes96),
            ("committee_bits", new SszBitvectorType(MaxCommitteesPerSlot)));
        var proposerSlashing = Container("ProposerSlashing", ("signed_header_1", SignedBeaconBlockHeader), ("signed_header_2", SignedBeaconBlockHeader));
        var attesterSlashing = Container("AttesterSlashing", ("attestation_1", indexedAttestation), ("attestation_2", indexedAttestation));
        var depositData = Container(
            "DepositData", ("pubkey", Bytes48), ("withdrawal_credentials", Bytes32), ("amount", Uint64), ("signature", Bytes96));
        var deposit = Container("Deposit", ("proof", new SszVectorType(Bytes32, DepositProofLength)), ("data", depositData));
        var voluntaryExit = Container("VoluntaryExit", ("epoch", Uint64), ("validator_index", Uint64));
        var signedVoluntaryExit = Container("SignedVoluntaryExit", ("message", voluntaryExit), ("signature", Bytes96));
        var syncAggregate = Container(
            "SyncAggregate", ("sync_committee_bits", new SszBitvectorType(SyncCommitteeSize)), ("sync_committee_signature", Bytes96));
        var blsChange = Container(
            "BLSToExecutionChange", ("validator_index", Uint64), ("from_bls_pubkey", Bytes48), ("to_execution_address", Bytes20));
        var signedBlsChange = Container("SignedBLSToExecutionChange", ("message", blsChange), ("signature", Bytes96));
        var depositRequest = Container(
            "DepositRequest", ("pubkey", Bytes48), ("withdrawal_credentials", Bytes32), ("amount", Uint64), ("signature", Bytes96), ("index", Uint64));
        var withdrawalRequest = Container("WithdrawalRequest", ("source_address", Bytes20), ("validator_pubkey", Bytes48), ("amount", Uint64));
        var consolidationRequest = Container(
            "ConsolidationRequest", ("source_address", Bytes20), ("source_pubkey", Bytes48), ("target_pubkey", Bytes48));
        var executionRequests = Container(
            "ExecutionRequests",
            ("deposits", new SszListType(depositRequest, MaxDepositRequestsPerPayload)),
            ("withdrawals", new SszListType(withdrawalRequest, MaxWithdrawalRequestsPerPayload)),
            ("consolidations", new SszListType(consolidationRequest, MaxConsolidationRequestsPerPayload)));

        return Container(
            "BeaconBlockBody",
            ("randao_reveal", Bytes96),
            ("eth1_data", Eth1Data),
            ("graffiti", Bytes32),
            ("proposer_slashings", new SszListType(proposerSlashing, MaxProposerSlashings)),
            ("attester_slashings", new SszListType(attesterSlashing, MaxAttesterSlashingsElectra)),
            ("attestations", new SszListType(attestation, MaxAttestationsElectra)),
            ("deposits", new SszListType(deposit, MaxDeposits)),
            ("voluntary_exits", new SszListType(signedVoluntaryExit, MaxVoluntaryExits)),
            ("sync_aggregate", syncAggregate),
            ("execution_payload", ExecutionPayload),
            ("bls_to_execution_changes", new SszListType(signedBlsChange, MaxBlsToExecutionChanges)),
            ("blob_kzg_commitments", new SszListType(Bytes48, MaxBlobCommitmentsPerBlock)),
            ("execution_requests", executionRequests));
    }
}
