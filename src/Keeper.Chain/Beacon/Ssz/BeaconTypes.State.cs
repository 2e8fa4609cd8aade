namespace Keeper.Chain.Beacon.Ssz;

/// <summary>The beacon state: Electra's 37 fields, Fulu's 38.</summary>
public sealed partial class BeaconTypes
{
    private SszContainerType CreateBeaconState()
    {
        var pendingDeposit = Container(
            "PendingDeposit", ("pubkey", Bytes48), ("withdrawal_credentials", Bytes32), ("amount", Uint64), ("signature", Bytes96), ("slot", Uint64));
        var pendingPartialWithdrawal = Container(
            "PendingPartialWithdrawal", ("validator_index", Uint64), ("amount", Uint64), ("withdrawable_epoch", Uint64));
        var pendingConsolidation = Container("PendingConsolidation", ("source_index", Uint64), ("target_index", Uint64));

        (string, SszType)[] fields =
        [
            ("genesis_time", Uint64),
            ("genesis_validators_root", Bytes32),
            ("slot", Uint64),
            ("fork", Fork),
            ("latest_block_header", BeaconBlockHeader),
            ("block_roots", new SszVectorType(Bytes32, SlotsPerHistoricalRoot)),
            ("state_roots", new SszVectorType(Bytes32, SlotsPerHistoricalRoot)),
            ("historical_roots", new SszListType(Bytes32, HistoricalRootsLimit)),
            ("eth1_data", Eth1Data),
            ("eth1_data_votes", new SszListType(Eth1Data, EpochsPerEth1VotingPeriodSlots)),
            ("eth1_deposit_index", Uint64),
            ("validators", new SszListType(Validator, ValidatorRegistryLimit)),
            ("balances", new SszListType(Uint64, ValidatorRegistryLimit)),
            ("randao_mixes", new SszVectorType(Bytes32, EpochsPerHistoricalVector)),
            ("slashings", new SszVectorType(Uint64, EpochsPerSlashingsVector)),
            ("previous_epoch_participation", new SszListType(Uint8, ValidatorRegistryLimit)),
            ("current_epoch_participation", new SszListType(Uint8, ValidatorRegistryLimit)),
            ("justification_bits", new SszBitvectorType(4)),
            ("previous_justified_checkpoint", Checkpoint),
            ("current_justified_checkpoint", Checkpoint),
            ("finalized_checkpoint", Checkpoint),
            ("inactivity_scores", new SszListType(Uint64, ValidatorRegistryLimit)),
            ("current_sync_committee", SyncCommittee),
            ("next_sync_committee", SyncCommittee),
            ("latest_execution_payload_header", ExecutionPayloadHeader),
            ("next_withdrawal_index", Uint64),
            ("next_withdrawal_validator_index", Uint64),
            ("historical_summaries", new SszListType(HistoricalSummary, HistoricalRootsLimit)),
            ("deposit_requests_start_index", Uint64),
            ("deposit_balance_to_consume", Uint64),
            ("exit_balance_to_consume", Uint64),
            ("earliest_exit_epoch", Uint64),
            ("consolidation_balance_to_consume", Uint64),
            ("earliest_consolidation_epoch", Uint64),
            ("pending_deposits", new SszListType(pendingDeposit, PendingDepositsLimit)),
            ("pending_partial_withdrawals", new SszListType(pendingPartialWithdrawal, PendingPartialWithdrawalsLimit)),
            ("pending_consolidations", new SszListType(pendingConsolidation, PendingConsolidationsLimit)),
        ];

        return BeaconFork == BeaconFork.Fulu
            ? Container("BeaconState", [.. fields, ("proposer_lookahead", new SszVectorType(Uint64, ProposerLookahead))])
            : Container("BeaconState", fields);
    }
}
