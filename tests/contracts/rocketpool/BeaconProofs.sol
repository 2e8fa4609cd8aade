// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice The proof structs of Rocket Pool's BeaconStateVerifierInterface, field for field and in the same order, so the
///         harness manager's proof functions have the real ABI (and selectors). The leaves are SSZ values as the beacon
///         chain holds them: epochs and gwei as uint64, the pubkey 48 bytes, a withdrawal's address 20 bytes.

/// @dev The beacon chain's Validator container (phase0 layout, unchanged through Electra).
struct Validator {
    bytes pubkey;
    bytes32 withdrawalCredentials;
    uint64 effectiveBalance;
    bool slashed;
    uint64 activationEligibilityEpoch;
    uint64 activationEpoch;
    uint64 exitEpoch;
    uint64 withdrawableEpoch;
}

/// @dev validators[validatorIndex] of the state, proven from the beacon block root (witnesses bottom-up).
struct ValidatorProof {
    uint40 validatorIndex;
    Validator validator;
    bytes32[] witnesses;
}

/// @dev The state's slot, proven from the same block root; witnesses[1] is the hash of genesis_time and
///      genesis_validators_root, which pins the layout of the state's first fields.
struct SlotProof {
    uint64 slot;
    bytes32[] witnesses;
}

/// @dev The execution payload's Withdrawal container (Capella layout).
struct Withdrawal {
    uint64 index;
    uint64 validatorIndex;
    bytes20 withdrawalCredentials;
    uint64 amountInGwei;
}

/// @dev withdrawals[withdrawalNum] of the block at withdrawalSlot, proven from a later block root through the state's
///      block_roots (recent) or historical_summaries (older than one historical root).
struct WithdrawalProof {
    uint64 withdrawalSlot;
    uint16 withdrawalNum;
    Withdrawal withdrawal;
    bytes32[] witnesses;
}
