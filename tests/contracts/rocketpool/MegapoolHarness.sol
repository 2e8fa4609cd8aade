// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {DepositPoolHarness} from "./DepositPoolHarness.sol";
import {MegapoolManagerHarness} from "./MegapoolManagerHarness.sol";
import {MegapoolSettingsHarness} from "./MegapoolSettingsHarness.sol";
import {RocketStorageClientHarness} from "./RocketStorageClientHarness.sol";
import {RocketStorageHarness} from "./RocketStorageHarness.sol";
import {ValidatorInfo} from "./ValidatorInfo.sol";

/// @notice Test stand-in for one node operator's megapool (the real one is a proxy plus delegate; this is both).
///         Its views, events and the keeper's action `dissolveValidator` match the real megapool delegate v2, and like
///         the real one notifyExit and notifyFinalBalance take only the manager (which checks the beacon proofs);
///         the other state changes are test drivers with the real names, signatures, flags and revert messages
///         but none of the real callers' checks (anyone may drive them), no proofs and no ETH accounting.
contract MegapoolHarness is RocketStorageClientHarness {
    uint256 private constant MILLI_TO_WEI = 10 ** 15;
    uint256 private constant FULL_DEPOSIT_VALUE = 32 ether;
    uint256 private constant PRESTAKE_VALUE = 1 ether;

    event MegapoolValidatorEnqueued(uint256 indexed validatorId, uint256 time);
    event MegapoolValidatorDequeued(uint256 indexed validatorId, uint256 time);
    event MegapoolValidatorAssigned(uint256 indexed validatorId, uint256 time);
    event MegapoolValidatorExited(uint32 indexed validatorId, uint256 time);
    event MegapoolValidatorExiting(uint256 indexed validatorId, uint256 time);
    event MegapoolValidatorLocked(uint256 indexed validatorId, uint256 time);
    event MegapoolValidatorUnlocked(uint256 indexed validatorId, uint256 time);
    event MegapoolValidatorDissolved(uint256 indexed validatorId, uint256 time);
    event MegapoolValidatorStaked(uint256 indexed validatorId, uint256 time);
    event MegapoolDebtIncreased(uint256 amount, uint256 time);
    event MegapoolDebtReduced(uint256 amount, uint256 time);
    /// @notice Emitted by the real megapool proxy on receiving ETH.
    event EtherReceived(address indexed from, uint256 amount, uint256 time);
    /// @notice HARNESS ONLY: the seed design's caller reward was paid by dissolveValidator.
    event DissolveCallerRewardPaid(address indexed caller, uint256 indexed validatorId, uint256 amount, uint256 time);

    address private immutable _factory;
    address private _nodeOperator;
    uint32 private _numValidators;
    uint32 private _numInactiveValidators;
    uint32 private _numExitingValidators;
    uint32 private _numLockedValidators;
    uint256 private _debt;
    uint256 private _refundValue;
    mapping(uint32 => ValidatorInfo) private _validators;
    mapping(uint32 => bytes) private _pubkeys;

    constructor(RocketStorageHarness _rocketStorage) RocketStorageClientHarness(_rocketStorage) {
        _factory = msg.sender;
    }

    /// @notice Same signature as the real proxy's initialise; only the deploying factory may call it, once.
    function initialise(address _nodeAddress) external {
        require(msg.sender == _factory, "Invalid or outdated contract");
        require(_nodeOperator == address(0), "Already initialised");
        require(_nodeAddress != address(0), "Invalid node address");
        _nodeOperator = _nodeAddress;
    }

    /// @notice Holds ETH for the harness caller reward and for assignments; emits the real proxy's event.
    receive() external payable {
        emit EtherReceived(msg.sender, msg.value, block.timestamp);
    }

    // ----- Views (real signatures) -----

    function getNodeAddress() external view returns (address) {
        return _nodeOperator;
    }

    function getValidatorCount() external view returns (uint32) {
        return _numValidators;
    }

    function getActiveValidatorCount() external view returns (uint32) {
        return _numValidators - _numInactiveValidators;
    }

    function getExitingValidatorCount() external view returns (uint32) {
        return _numExitingValidators;
    }

    function getLockedValidatorCount() external view returns (uint32) {
        return _numLockedValidators;
    }

    function getValidatorInfo(uint32 _validatorId) external view returns (ValidatorInfo memory) {
        require(_validatorId < _numValidators, "Validator does not exist");
        return _validators[_validatorId];
    }

    function getValidatorPubkey(uint32 _validatorId) external view returns (bytes memory) {
        require(_validatorId < _numValidators, "Validator does not exist");
        return _pubkeys[_validatorId];
    }

    function getValidatorInfoAndPubkey(uint32 _validatorId)
        external
        view
        returns (ValidatorInfo memory info, bytes memory pubkey)
    {
        require(_validatorId < _numValidators, "Validator does not exist");
        info = _validators[_validatorId];
        pubkey = _pubkeys[_validatorId];
    }

    function getDebt() external view returns (uint256) {
        return _debt;
    }

    /// @notice The ETH owed back to the node operator (a dissolved validator's bond net of the prestake), paid out by the
    ///         real claim() after any debt.
    function getRefundValue() external view returns (uint256) {
        return _refundValue;
    }

    /// @notice Same as the real one: 0x01, 11 zero bytes, this megapool's address. A validator proven with any other
    ///         credentials is non-compliant (the manager's dissolve) and cannot be notified exiting.
    function getWithdrawalCredentials() external view returns (bytes32) {
        return bytes32((uint256(0x01) << 248) | uint256(uint160(address(this))));
    }

    // ----- The keeper's action -----

    /// @notice Dissolves a validator that was assigned ETH but not staked in time. Anyone may call it once
    ///         block.timestamp > lastAssignmentTime + getTimeBeforeDissolve() (strictly greater), as in the real delegate;
    ///         the manager (its proof dissolve) at any time.
    ///         Effects as the real one: debt += getDissolvePenalty() (MegapoolDebtIncreased, emitted even for 0),
    ///         inPrestake cleared, dissolved set, lastAssignmentTime reset to 0, the requested value less the prestake
    ///         (1 ETH, left on the beacon chain) returned: the users' share to the deposit pool (any shortfall becomes
    ///         debt) and the rest to the refund value, then MegapoolValidatorDissolved. The real megapool works out the
    ///         node's share from the bond requirement of the validators left; the harness takes it to be the validator's
    ///         bond, so a 4 ETH bond leaves a 3 ETH refund beside the penalty. No ETH moves.
    ///         HARNESS ONLY: afterwards pays a caller other than the node operator and the manager getDissolveCallerReward(),
    ///         capped at the ETH this megapool holds (fund it by sending ETH to it).
    function dissolveValidator(uint32 _validatorId) external {
        ValidatorInfo storage validator = _validators[_validatorId];
        require(validator.inPrestake, "Validator not prestaked");
        MegapoolSettingsHarness settings = _settings();
        // The manager dissolves with a proof of non-compliance at any time; only other callers wait.
        bool byManager = msg.sender == rocketStorage.getAddress(keccak256(abi.encodePacked("contract.address", "rocketMegapoolManager")));
        if (!byManager) {
            require(
                block.timestamp > uint256(validator.lastAssignmentTime) + settings.getTimeBeforeDissolve(),
                "Not enough time has passed"
            );
        }
        _increaseDebt(settings.getDissolvePenalty());
        validator.inPrestake = false;
        validator.dissolved = true;
        validator.lastAssignmentTime = 0;
        _numInactiveValidators += 1;
        _returnDissolvedCapital(validator);
        emit MegapoolValidatorDissolved(_validatorId, block.timestamp);
        // The seed design's reward is for the timed-out dissolve; the manager's proof dissolve pays nothing.
        if (!byManager) {
            _payDissolveCallerReward(settings, _validatorId);
        }
    }

    // ----- Test drivers (real names and signatures, open to anyone) -----

    /// @notice Enqueues a new validator as the real node deposit does: inQueue set, the global index and the
    ///         deposit pool told (FundsRequested), then MegapoolValidatorEnqueued. Signature and deposit data root
    ///         are accepted for ABI fidelity and not checked.
    function newValidator(
        uint256 _bondAmount,
        bool _useExpressTicket,
        bytes calldata _validatorPubkey,
        bytes calldata, /* _validatorSignature */
        bytes32 /* _depositDataRoot */
    ) external {
        require(_nodeOperator != address(0), "Not initialised");
        require(_debt == 0, "Cannot create validator while debt exists");
        require(_bondAmount <= FULL_DEPOSIT_VALUE, "Bond requirement not met");
        uint32 validatorId = _numValidators;
        _numValidators = validatorId + 1;
        ValidatorInfo storage validator = _validators[validatorId];
        validator.inQueue = true;
        validator.lastRequestedBond = uint32(_bondAmount / MILLI_TO_WEI);
        validator.lastRequestedValue = uint32(FULL_DEPOSIT_VALUE / MILLI_TO_WEI);
        validator.expressUsed = _useExpressTicket;
        _pubkeys[validatorId] = _validatorPubkey;
        MegapoolManagerHarness(_contractAddress("rocketMegapoolManager")).addValidator(
            address(this), validatorId, _validatorPubkey
        );
        DepositPoolHarness(payable(_contractAddress("rocketDepositPool"))).requestFunds(
            _bondAmount, validatorId, FULL_DEPOSIT_VALUE, _useExpressTicket
        );
        emit MegapoolValidatorEnqueued(validatorId, block.timestamp);
    }

    /// @notice Takes a queued validator out of the queue as the real dequeue does: the deposit pool forgets its request
    ///         (exitQueue) and credits the operator its bond (applyCredit), the validator counts as inactive, then
    ///         MegapoolValidatorDequeued. The real one takes only the megapool's owner and checks the bond requirement
    ///         of the validators left; here anyone may, unchecked.
    function dequeue(uint32 _validatorId) external {
        ValidatorInfo storage validator = _validators[_validatorId];
        require(validator.inQueue, "Validator must be in queue");
        uint256 nodeValue = uint256(validator.lastRequestedBond) * MILLI_TO_WEI;
        DepositPoolHarness depositPool = DepositPoolHarness(payable(_contractAddress("rocketDepositPool")));
        depositPool.exitQueue(_nodeOperator, _validatorId, validator.expressUsed);
        depositPool.applyCredit(_nodeOperator, nodeValue);
        _numInactiveValidators += 1;
        validator.inQueue = false;
        validator.expressUsed = false;
        validator.lastRequestedBond = 0;
        validator.lastRequestedValue = 0;
        emit MegapoolValidatorDequeued(_validatorId, block.timestamp);
    }

    /// @notice Only the registered deposit pool may call it, as in the real delegate. Sets inPrestake and
    ///         lastAssignmentTime = block.timestamp; any ETH sent stays here.
    function assignFunds(uint32 _validatorId) external payable {
        require(msg.sender == _contractAddress("rocketDepositPool"), "Invalid or outdated contract");
        require(block.timestamp <= type(uint32).max, "SafeCast: value doesn't fit in 32 bits");
        ValidatorInfo storage validator = _validators[_validatorId];
        validator.inQueue = false;
        validator.inPrestake = true;
        validator.lastAssignmentTime = uint32(block.timestamp);
        validator.depositValue += uint32(PRESTAKE_VALUE / MILLI_TO_WEI);
        emit MegapoolValidatorAssigned(_validatorId, block.timestamp);
    }

    /// @notice The real one is called by the manager after a proof; here anyone may.
    function stake(uint32 _validatorId) external {
        ValidatorInfo storage validator = _validators[_validatorId];
        require(validator.inPrestake, "Validator must be pre-staked");
        uint32 lastRequestedValue = validator.lastRequestedValue;
        validator.staked = true;
        validator.inPrestake = false;
        validator.lastAssignmentTime = 0;
        validator.lastRequestedBond = 0;
        validator.lastRequestedValue = 0;
        validator.depositValue += lastRequestedValue - uint32(PRESTAKE_VALUE / MILLI_TO_WEI);
        emit MegapoolValidatorStaked(_validatorId, block.timestamp);
    }

    /// @notice Locks a staked validator as the oDAO's exit challenge does; lockedTime = block.timestamp.
    function challengeExit(uint32 _validatorId) external {
        ValidatorInfo storage validator = _validators[_validatorId];
        require(validator.staked, "Validator not staked");
        require(!validator.exiting, "Already exiting");
        require(!validator.exited, "Already exited");
        if (!validator.locked) {
            validator.locked = true;
            _numLockedValidators += 1;
        }
        validator.lockedTime = uint64(block.timestamp);
        emit MegapoolValidatorLocked(_validatorId, block.timestamp);
    }

    /// @notice Unlocks a challenged validator given a (here unproven) slot timestamp no older than the challenge.
    function notifyNotExit(uint32 _validatorId, uint64 _slotTimestamp) external {
        ValidatorInfo storage validator = _validators[_validatorId];
        require(validator.locked, "Validator not locked");
        require(_slotTimestamp >= validator.lockedTime, "Proof is older than challenge");
        validator.locked = false;
        validator.lockedTime = 0;
        _numLockedValidators -= 1;
        emit MegapoolValidatorUnlocked(_validatorId, block.timestamp);
    }

    /// @notice Marks a validator exiting with the real late-notification rule (epochs):
    ///         debt += getLateNotifyFine() when _recentEpoch > _withdrawableEpoch - getNotifyThreshold().
    ///         Like the real one only the registered manager may call it (after checking the proofs), it unlocks a
    ///         locked validator without an Unlocked event, and reverts (arithmetic underflow) when
    ///         _withdrawableEpoch < getNotifyThreshold().
    function notifyExit(uint32 _validatorId, uint64 _withdrawableEpoch, uint64 _recentEpoch) external onlyMegapoolManager {
        ValidatorInfo storage validator = _validators[_validatorId];
        require(validator.staked || validator.dissolved, "Not staking or dissolved");
        require(!validator.exiting, "Already notified");
        require(!validator.exited, "Already exited");
        validator.exiting = true;
        _numExitingValidators += 1;
        if (validator.locked) {
            validator.locked = false;
            validator.lockedTime = 0;
            _numLockedValidators -= 1;
        }
        MegapoolSettingsHarness settings = _settings();
        if (_recentEpoch > _withdrawableEpoch - settings.getNotifyThreshold()) {
            _increaseDebt(settings.getLateNotifyFine());
        }
        emit MegapoolValidatorExiting(_validatorId, block.timestamp);
    }

    /// @notice Marks an exiting validator exited with its final balance (gwei). Only the registered manager may call
    ///         it (after checking the proofs), as in the real delegate. A caller of the manager other than the node
    ///         operator must wait: _recentEpoch >= _withdrawalEpoch + getUserDistributeDelay(), or
    ///         getUserDistributeDelayWithShortfall() when the users' capital falls short: the part of the deposit not
    ///         withdrawn exceeds the node's share, which the harness takes to be the validator's bond (the real megapool
    ///         works it out from the bond requirement of the validators left). No ETH moves.
    function notifyFinalBalance(
        uint32 _validatorId,
        uint64 _amountInGwei,
        address _caller,
        uint64 _withdrawalEpoch,
        uint64 _recentEpoch
    ) external onlyMegapoolManager {
        ValidatorInfo storage validator = _validators[_validatorId];
        require(!validator.exited, "Already exited");
        require(validator.exiting, "Validator not exiting");
        validator.exited = true;
        validator.exiting = false;
        validator.exitBalance = _amountInGwei;
        bool incursShortfall = false;
        if (!validator.dissolved) {
            _numInactiveValidators += 1;
            uint256 deposit = uint256(validator.depositValue) * 1e15;
            uint256 withdrawn = uint256(_amountInGwei) * 1 gwei;
            uint256 nodeShare = uint256(validator.lastRequestedBond) * 1e15;
            incursShortfall = withdrawn < deposit && deposit - withdrawn > nodeShare;
        }
        _numExitingValidators -= 1;
        emit MegapoolValidatorExited(_validatorId, block.timestamp);
        if (_caller != _nodeOperator) {
            uint256 delay = incursShortfall ? _settings().getUserDistributeDelayWithShortfall() : _settings().getUserDistributeDelay();
            require(uint256(_recentEpoch) >= uint256(_withdrawalEpoch) + delay, "Not enough time has passed");
        }
    }

    /// @notice Same signature and checks as the real repayDebt; the ETH stays here.
    function repayDebt() external payable {
        require(msg.value > 0, "Invalid value received");
        require(_debt >= msg.value, "Not enough debt");
        _debt -= msg.value;
        emit MegapoolDebtReduced(msg.value, block.timestamp);
    }

    // ----- Internals -----

    modifier onlyMegapoolManager() {
        require(msg.sender == _contractAddress("rocketMegapoolManager"), "Invalid or outdated contract");
        _;
    }

    function _increaseDebt(uint256 _amount) private {
        _debt += _amount;
        emit MegapoolDebtIncreased(_amount, block.timestamp);
    }

    function _returnDissolvedCapital(ValidatorInfo storage _validator) private {
        uint256 capitalValue = uint256(_validator.lastRequestedValue) * MILLI_TO_WEI;
        uint256 recycleValue = capitalValue - PRESTAKE_VALUE;
        uint256 nodeShare = uint256(_validator.lastRequestedBond) * MILLI_TO_WEI;
        if (nodeShare > capitalValue) {
            nodeShare = capitalValue;
        }
        uint256 toUser = capitalValue - nodeShare;
        if (recycleValue < toUser) {
            _increaseDebt(toUser - recycleValue);
            toUser = recycleValue;
        }
        _refundValue += recycleValue - toUser;
    }

    function _payDissolveCallerReward(MegapoolSettingsHarness _settingsContract, uint32 _validatorId) private {
        if (msg.sender == _nodeOperator) {
            return;
        }
        uint256 reward = _settingsContract.getDissolveCallerReward();
        if (reward > address(this).balance) {
            reward = address(this).balance;
        }
        if (reward == 0) {
            return;
        }
        (bool success,) = msg.sender.call{value: reward}("");
        require(success, "Caller reward transfer failed");
        emit DissolveCallerRewardPaid(msg.sender, _validatorId, reward, block.timestamp);
    }

    function _settings() private view returns (MegapoolSettingsHarness) {
        return MegapoolSettingsHarness(_contractAddress("rocketDAOProtocolSettingsMegapool"));
    }
}
