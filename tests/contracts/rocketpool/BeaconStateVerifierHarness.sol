// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {SlotProof, Validator, ValidatorProof, Withdrawal, WithdrawalProof} from "./BeaconProofs.sol";

/// @notice Test stand-in for Rocket Pool's BeaconStateVerifier (registered as "beaconStateVerifier"): the same external
///         functions, structs, revert reasons and generalized indices, written the way the consensus specs state
///         Merkle proofs (ssz/merkle-proofs.md: generalized indices, is_valid_merkle_branch). A proof that the real
///         verifier rejects is rejected here, so a wrong proof reverts on devnet as it would on mainnet.
/// @dev Roots come from the EIP-4788 contract, asked with the timestamp of the execution block whose parent beacon block
///      is the proven one. Only proofs of Electra-or-later states are accepted.
contract BeaconStateVerifierHarness {
    // Container depths (ceil(log2(field count))) and field positions, Electra layouts.
    uint256 private constant HEADER_DEPTH = 3; // BeaconBlockHeader, 5 fields
    uint256 private constant HEADER_STATE_ROOT = 3;
    uint256 private constant HEADER_BODY_ROOT = 4;
    uint256 private constant STATE_DEPTH = 6; // BeaconState, 37 fields
    uint256 private constant STATE_SLOT = 2;
    uint256 private constant STATE_BLOCK_ROOTS = 5;
    uint256 private constant STATE_VALIDATORS = 11;
    uint256 private constant STATE_HISTORICAL_SUMMARIES = 27;
    uint256 private constant SUMMARY_DEPTH = 1; // HistoricalSummary, 2 fields
    uint256 private constant SUMMARY_BLOCK_SUMMARY_ROOT = 0;
    uint256 private constant BODY_DEPTH = 4; // BeaconBlockBody, 13 fields
    uint256 private constant BODY_EXECUTION_PAYLOAD = 9;
    uint256 private constant PAYLOAD_DEPTH = 5; // ExecutionPayload, 17 fields
    uint256 private constant PAYLOAD_WITHDRAWALS = 14;
    // log2 of list limits: VALIDATOR_REGISTRY_LIMIT, HISTORICAL_ROOTS_LIMIT, MAX_WITHDRAWALS_PER_PAYLOAD.
    uint256 private constant VALIDATORS_LIMIT_LOG2 = 40;
    uint256 private constant HISTORICAL_SUMMARIES_LIMIT_LOG2 = 24;
    uint256 private constant WITHDRAWALS_LIMIT_LOG2 = 4;

    uint64 public immutable genesisTime;
    bytes32 public immutable genesisValidatorsRoot;
    uint64 public immutable slotsPerHistoricalRoot;
    uint64 public immutable slotCapella;
    uint64 public immutable slotElectra;
    address public immutable beaconRoots;

    uint256 private immutable _blockRootsDepth;
    bytes32 private immutable _genesisWitness;

    /// @param _slotsPerHistoricalRoot SLOTS_PER_HISTORICAL_ROOT (8192 on mainnet): a power of two, the block_roots length.
    /// @param _slotCapella The first Capella slot: historical_summaries[0] covers the period it starts.
    /// @param _beaconRoots The EIP-4788 contract.
    constructor(
        uint64 _genesisTime,
        bytes32 _genesisValidatorsRoot,
        uint64 _slotsPerHistoricalRoot,
        uint64 _slotCapella,
        uint64 _slotElectra,
        address _beaconRoots
    ) {
        require(_slotsPerHistoricalRoot > 1 && _slotsPerHistoricalRoot & (_slotsPerHistoricalRoot - 1) == 0, "Slots per historical root must be a power of two");
        require(_slotCapella <= _slotElectra, "Capella must not come after Electra");
        require(_beaconRoots != address(0), "Invalid beacon roots address");
        genesisTime = _genesisTime;
        genesisValidatorsRoot = _genesisValidatorsRoot;
        slotsPerHistoricalRoot = _slotsPerHistoricalRoot;
        slotCapella = _slotCapella;
        slotElectra = _slotElectra;
        beaconRoots = _beaconRoots;
        _blockRootsDepth = _floorLog2(_slotsPerHistoricalRoot);
        _genesisWitness = _hash(_uint64Leaf(_genesisTime), _genesisValidatorsRoot);
    }

    /// @notice Same signature as the real verifier: validators[index] of the state under the block root of _slotTimestamp.
    function verifyValidator(uint64 _slotTimestamp, uint64 _slot, ValidatorProof calldata _proof) external view returns (bool) {
        require(_slot >= slotElectra, "Invalid proof");
        uint256 gindex = _listElement(_stateField(STATE_VALIDATORS), VALIDATORS_LIMIT_LOG2, _proof.validatorIndex);
        return _isValidMerkleBranch(_validatorRoot(_proof.validator), _proof.witnesses, gindex, _slotTimestamp);
    }

    /// @notice Same signature as the real verifier: withdrawals[withdrawalNum] of the block at withdrawalSlot, reached from
    ///         the state at _slot through block_roots or, when older than one historical root, historical_summaries.
    function verifyWithdrawal(uint64 _slotTimestamp, uint64 _slot, WithdrawalProof calldata _proof) external view returns (bool) {
        require(_slot >= slotElectra, "Invalid proof");
        require(_proof.withdrawalSlot >= slotElectra, "Invalid proof");
        uint256 gindex = _pastBlockRoot(_slot, _proof.withdrawalSlot);
        gindex = _field(gindex, HEADER_DEPTH, HEADER_BODY_ROOT);
        gindex = _field(gindex, BODY_DEPTH, BODY_EXECUTION_PAYLOAD);
        gindex = _field(gindex, PAYLOAD_DEPTH, PAYLOAD_WITHDRAWALS);
        gindex = _listElement(gindex, WITHDRAWALS_LIMIT_LOG2, _proof.withdrawalNum);
        return _isValidMerkleBranch(_withdrawalRoot(_proof.withdrawal), _proof.witnesses, gindex, _slotTimestamp);
    }

    /// @notice Same signature as the real verifier: the state's slot, with its genesis witness checked first.
    function verifySlot(uint64 _slotTimestamp, SlotProof calldata _proof) external view returns (bool) {
        require(_proof.slot >= slotElectra, "Invalid proof");
        // slot is field 2: its sibling is fork (witness 0) and their parent's sibling the subtree of genesis_time and
        // genesis_validators_root (witness 1), a constant of the chain; a fork that moved slot would change it.
        require(_proof.witnesses.length > 1 && _proof.witnesses[1] == _genesisWitness, "Invalid genesis witness");
        return _isValidMerkleBranch(_uint64Leaf(_proof.slot), _proof.witnesses, _stateField(STATE_SLOT), _slotTimestamp);
    }

    /// @notice HARNESS ONLY: sha256(le(genesis_time) ++ genesis_validators_root), the slot proof's second witness.
    function getGenesisWitness() external view returns (bytes32) {
        return _genesisWitness;
    }

    // ----- Generalized indices -----

    /// @dev The root of BeaconState within a beacon block root (a BeaconBlockHeader's hash tree root).
    function _stateField(uint256 _fieldIndex) private pure returns (uint256) {
        return _field(_field(1, HEADER_DEPTH, HEADER_STATE_ROOT), STATE_DEPTH, _fieldIndex);
    }

    /// @dev The block root of _pastSlot as the state at _slot holds it.
    function _pastBlockRoot(uint64 _slot, uint64 _pastSlot) private view returns (uint256 gindex) {
        require(_slot > _pastSlot, "Invalid slot for proof");
        uint256 period = slotsPerHistoricalRoot;
        if (uint256(_pastSlot) + period >= _slot) {
            gindex = _stateField(STATE_BLOCK_ROOTS);
        } else {
            // historical_summaries starts at Capella's period: entry k summarises period k + capella / period.
            uint256 summary = _pastSlot / period - slotCapella / period;
            gindex = _listElement(_stateField(STATE_HISTORICAL_SUMMARIES), HISTORICAL_SUMMARIES_LIMIT_LOG2, summary);
            gindex = _field(gindex, SUMMARY_DEPTH, SUMMARY_BLOCK_SUMMARY_ROOT);
        }
        gindex = _field(gindex, _blockRootsDepth, _pastSlot % period);
    }

    /// @dev The generalized index of field _index of a container of 2^_depth chunks rooted at _parent.
    function _field(uint256 _parent, uint256 _depth, uint256 _index) private pure returns (uint256) {
        require(_index < (1 << _depth), "Index exceeds length");
        return (_parent << _depth) | _index;
    }

    /// @dev Element _index of a list of limit 2^_limitLog2 rooted at _parent: the data root is the left child, the
    ///      length mixed in at the right.
    function _listElement(uint256 _parent, uint256 _limitLog2, uint256 _index) private pure returns (uint256) {
        return _field(_parent << 1, _limitLog2, _index);
    }

    // ----- is_valid_merkle_branch -----

    /// @dev The spec's is_valid_merkle_branch with depth and index taken from the generalized index; the root is the one
    ///      EIP-4788 holds for _slotTimestamp. The branch is bottom-up and must be exactly as long as the path.
    function _isValidMerkleBranch(bytes32 _leaf, bytes32[] calldata _branch, uint256 _gindex, uint64 _slotTimestamp)
        private
        view
        returns (bool)
    {
        require(_branch.length == _floorLog2(_gindex), "Invalid witness length");
        bytes32 root = _blockRoot(_slotTimestamp);
        bytes32 value = _leaf;
        for (uint256 i = 0; i < _branch.length; i++) {
            value = (_gindex >> i) & 1 == 1 ? _hash(_branch[i], value) : _hash(value, _branch[i]);
        }
        return value == root;
    }

    function _blockRoot(uint64 _slotTimestamp) private view returns (bytes32) {
        (bool ok, bytes memory result) = beaconRoots.staticcall(abi.encode(uint256(_slotTimestamp)));
        require(ok && result.length == 32, "Block root is not available");
        return abi.decode(result, (bytes32));
    }

    // ----- hash_tree_root -----

    function _validatorRoot(Validator calldata _v) private pure returns (bytes32) {
        require(_v.pubkey.length == 48, "Invalid pubkey length");
        // A 48-byte vector packs into two chunks, the second zero-padded.
        bytes32 pubkeyRoot = sha256(abi.encodePacked(_v.pubkey, bytes16(0)));
        return _hash(
            _hash(
                _hash(pubkeyRoot, _v.withdrawalCredentials),
                _hash(_uint64Leaf(_v.effectiveBalance), _v.slashed ? bytes32(uint256(1) << 248) : bytes32(0))
            ),
            _hash(
                _hash(_uint64Leaf(_v.activationEligibilityEpoch), _uint64Leaf(_v.activationEpoch)),
                _hash(_uint64Leaf(_v.exitEpoch), _uint64Leaf(_v.withdrawableEpoch))
            )
        );
    }

    function _withdrawalRoot(Withdrawal calldata _w) private pure returns (bytes32) {
        // An execution address is 20 bytes at the start of its chunk, as bytes20 converts to bytes32.
        return _hash(
            _hash(_uint64Leaf(_w.index), _uint64Leaf(_w.validatorIndex)),
            _hash(bytes32(_w.withdrawalCredentials), _uint64Leaf(_w.amountInGwei))
        );
    }

    /// @dev A uint64 as SSZ packs it: little-endian in the first 8 bytes of a zeroed chunk.
    function _uint64Leaf(uint64 _value) private pure returns (bytes32) {
        uint256 reversed = 0;
        for (uint256 i = 0; i < 8; i++) {
            reversed = (reversed << 8) | (_value & 0xff);
            _value >>= 8;
        }
        return bytes32(reversed << 192);
    }

    function _hash(bytes32 _left, bytes32 _right) private pure returns (bytes32) {
        return sha256(abi.encodePacked(_left, _right));
    }

    function _floorLog2(uint256 _value) private pure returns (uint256 log) {
        while (_value > 1) {
            _value >>= 1;
            log++;
        }
    }
}
