// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {SlotProof, Validator, ValidatorProof, WithdrawalProof} from "./BeaconProofs.sol";
import {BeaconStateVerifierHarness} from "./BeaconStateVerifierHarness.sol";
import {MegapoolHarness} from "./MegapoolHarness.sol";
import {RocketStorageClientHarness} from "./RocketStorageClientHarness.sol";
import {RocketStorageHarness} from "./RocketStorageHarness.sol";
import {ValidatorInfo} from "./ValidatorInfo.sol";

/// @notice Test stand-in for rocketMegapoolManager: the global validator index across all megapools, and the
///         proof-checked entry points a keeper calls (dissolve, notifyExit, notifyFinalBalance) with the real
///         signatures, checks, order of checks and revert reasons; the proofs go to the verifier registered as
///         "beaconStateVerifier". Like the real manager it emits no events; a keeper learns of new validators from the
///         megapools' events and from this index. The manager's proof-checked stake and notifyNotExit are not modelled
///         (the megapool's own drivers stand in for them).
contract MegapoolManagerHarness is RocketStorageClientHarness {
    uint256 private constant FAR_FUTURE_EPOCH = type(uint64).max;
    uint256 private constant ACTIVATION_BALANCE_GWEI = 32 ether / 1 gwei;
    uint64 private constant SLOTS_PER_EPOCH = 32;
    uint256 private constant SLOT_RECENCY_THRESHOLD = 1 hours;

    struct IndexEntry {
        address megapool;
        uint32 validatorId;
    }

    IndexEntry[] private _entries;
    mapping(address => bool) private _registered;
    mapping(bytes32 => address) private _megapoolByPubkey;

    constructor(RocketStorageHarness _rocketStorage) RocketStorageClientHarness(_rocketStorage) {}

    /// @notice Same signature as the real getter: the number of validators across all megapools.
    function getValidatorCount() external view returns (uint256) {
        return _entries.length;
    }

    /// @notice Same signature and return tuple as the real getter. The real one reads an unset slot for an index
    ///         past the end and then reverts without a reason; this one reverts with a reason.
    function getValidatorInfo(uint256 _index)
        external
        view
        returns (bytes memory pubkey, ValidatorInfo memory validatorInfo, address megapool, uint32 validatorId)
    {
        require(_index < _entries.length, "Validator index out of range");
        IndexEntry storage entry = _entries[_index];
        megapool = entry.megapool;
        validatorId = entry.validatorId;
        (validatorInfo, pubkey) = MegapoolHarness(payable(megapool)).getValidatorInfoAndPubkey(validatorId);
    }

    /// @notice Same signature as the real getter.
    function getMegapoolByPubkey(bytes calldata _pubkey) external view returns (address) {
        return _megapoolByPubkey[keccak256(_pubkey)];
    }

    /// @notice Same signature as the real one (which the node deposit contract calls); here a registered
    ///         megapool adds its own validator.
    function addValidator(address _megapoolAddress, uint32 _validatorId, bytes calldata _pubkey) external {
        require(_registered[msg.sender] && msg.sender == _megapoolAddress, "Invalid megapool");
        bytes32 pubkeyKey = keccak256(_pubkey);
        require(_megapoolByPubkey[pubkeyKey] == address(0), "Pubkey in use");
        _megapoolByPubkey[pubkeyKey] = _megapoolAddress;
        _entries.push(IndexEntry({megapool: _megapoolAddress, validatorId: _validatorId}));
    }

    /// @notice Same signature as the real one: dissolves a prestaked validator at once when the proof shows it is not
    ///         what the megapool deposited (other withdrawal credentials, activating, activated, exiting, withdrawable,
    ///         32 ETH or more, or slashed); reverts "Validator is compliant" otherwise. The megapool applies the dissolve
    ///         penalty as for a timed-out dissolve.
    function dissolve(
        address _megapool,
        uint32 _validatorId,
        uint64 _slotTimestamp,
        ValidatorProof calldata _validatorProof,
        SlotProof calldata _slotProof
    ) external onlyRegisteredMegapool(_megapool) {
        _verifyValidatorAndSlot(_slotTimestamp, _validatorProof, _slotProof);
        MegapoolHarness megapool = MegapoolHarness(payable(_megapool));
        require(!_isCompliant(_validatorProof.validator, megapool.getWithdrawalCredentials()), "Validator is compliant");
        _requirePubkey(megapool, _validatorId, _validatorProof.validator.pubkey);
        megapool.dissolveValidator(_validatorId);
    }

    /// @notice Same signature as the real one: proves the validator's withdrawable epoch and tells the megapool, which
    ///         fines the operator when the proof's epoch (slot / 32) is past withdrawableEpoch - getNotifyThreshold().
    function notifyExit(
        address _megapool,
        uint32 _validatorId,
        uint64 _slotTimestamp,
        ValidatorProof calldata _validatorProof,
        SlotProof calldata _slotProof
    ) external onlyRegisteredMegapool(_megapool) {
        _verifyValidatorAndSlot(_slotTimestamp, _validatorProof, _slotProof);
        require(_validatorProof.validator.withdrawableEpoch < FAR_FUTURE_EPOCH, "Validator not exiting");
        MegapoolHarness megapool = MegapoolHarness(payable(_megapool));
        _requirePubkey(megapool, _validatorId, _validatorProof.validator.pubkey);
        require(_validatorProof.validator.withdrawalCredentials == megapool.getWithdrawalCredentials(), "Invalid withdrawal credentials");
        megapool.notifyExit(_validatorId, _validatorProof.validator.withdrawableEpoch, _slotProof.slot / SLOTS_PER_EPOCH);
    }

    /// @notice Same signature as the real one: proves a withdrawal at or after the validator's withdrawable epoch and
    ///         tells the megapool its amount; a caller other than the node operator must wait getUserDistributeDelay()
    ///         epochs after the withdrawal's epoch, counted to the proof's epoch.
    function notifyFinalBalance(
        address _megapool,
        uint32 _validatorId,
        uint64 _slotTimestamp,
        WithdrawalProof calldata _withdrawalProof,
        ValidatorProof calldata _validatorProof,
        SlotProof calldata _slotProof
    ) external onlyRegisteredMegapool(_megapool) {
        require(uint256(_slotTimestamp) + SLOT_RECENCY_THRESHOLD >= block.timestamp, "Slot proof too old");
        uint64 withdrawalEpoch = _withdrawalProof.withdrawalSlot / SLOTS_PER_EPOCH;
        require(withdrawalEpoch >= _validatorProof.validator.withdrawableEpoch, "Not full withdrawal");
        BeaconStateVerifierHarness verifier = _verifier();
        require(verifier.verifyValidator(_slotTimestamp, _slotProof.slot, _validatorProof), "Invalid validator proof");
        require(verifier.verifyWithdrawal(_slotTimestamp, _slotProof.slot, _withdrawalProof), "Invalid withdrawal proof");
        require(verifier.verifySlot(_slotTimestamp, _slotProof), "Invalid slot proof");
        require(_withdrawalProof.withdrawal.validatorIndex == _validatorProof.validatorIndex, "Withdrawal validator not matching");
        MegapoolHarness megapool = MegapoolHarness(payable(_megapool));
        _requirePubkey(megapool, _validatorId, _validatorProof.validator.pubkey);
        megapool.notifyFinalBalance(
            _validatorId, _withdrawalProof.withdrawal.amountInGwei, msg.sender, withdrawalEpoch, _slotProof.slot / SLOTS_PER_EPOCH
        );
    }

    /// @notice HARNESS ONLY: the registered megapool factory records each megapool it deploys
    ///         (the real protocol keeps a "megapool.exists" flag in RocketStorage instead).
    function registerMegapool(address _megapool) external {
        require(msg.sender == _contractAddress("rocketMegapoolFactory"), "Invalid or outdated contract");
        _registered[_megapool] = true;
    }

    /// @notice HARNESS ONLY: whether the factory deployed this megapool.
    function getMegapoolRegistered(address _megapool) external view returns (bool) {
        return _registered[_megapool];
    }

    // ----- Internals -----

    /// @dev As the real RocketBase modifier, over the factory's record instead of "megapool.exists".
    modifier onlyRegisteredMegapool(address _megapool) {
        require(_registered[_megapool], "Invalid megapool");
        _;
    }

    function _verifyValidatorAndSlot(uint64 _slotTimestamp, ValidatorProof calldata _validatorProof, SlotProof calldata _slotProof)
        private
        view
    {
        require(uint256(_slotTimestamp) + SLOT_RECENCY_THRESHOLD >= block.timestamp, "Slot proof too old");
        BeaconStateVerifierHarness verifier = _verifier();
        require(verifier.verifyValidator(_slotTimestamp, _slotProof.slot, _validatorProof), "Invalid validator proof");
        require(verifier.verifySlot(_slotTimestamp, _slotProof), "Invalid slot proof");
    }

    /// @dev What a prestaked validator must look like: the megapool's credentials, never activated, not exiting, below
    ///      the activation balance (only the prestake deposited), not slashed.
    function _isCompliant(Validator calldata _validator, bytes32 _withdrawalCredentials) private pure returns (bool) {
        return _validator.withdrawalCredentials == _withdrawalCredentials && _validator.withdrawableEpoch == FAR_FUTURE_EPOCH
            && _validator.exitEpoch == FAR_FUTURE_EPOCH && _validator.effectiveBalance < ACTIVATION_BALANCE_GWEI
            && _validator.activationEligibilityEpoch == FAR_FUTURE_EPOCH && _validator.activationEpoch == FAR_FUTURE_EPOCH
            && !_validator.slashed;
    }

    function _requirePubkey(MegapoolHarness _megapool, uint32 _validatorId, bytes calldata _pubkey) private view {
        require(keccak256(_pubkey) == keccak256(_megapool.getValidatorPubkey(_validatorId)), "Pubkey does not match");
    }

    function _verifier() private view returns (BeaconStateVerifierHarness) {
        return BeaconStateVerifierHarness(_contractAddress("beaconStateVerifier"));
    }
}
