// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {RocketStorageClientHarness} from "./RocketStorageClientHarness.sol";
import {RocketStorageHarness} from "./RocketStorageHarness.sol";

/// @notice Test stand-in for rocketDAOProtocolSettingsMegapool: the getters a keeper reads, with the real defaults
///         and units, plus setters for the guardian or an executed DAO proposal. Setters apply none of the real guardrails, so tests can use any value.
contract MegapoolSettingsHarness is RocketStorageClientHarness {
    uint256 private _timeBeforeDissolve = 28 days;
    uint256 private _dissolvePenalty = 0.05 ether;
    uint256 private _notifyThreshold = 112;
    uint256 private _lateNotifyFine = 0.05 ether;
    uint256 private _userDistributeDelay = 1575;
    uint256 private _userDistributeDelayWithShortfall = 6750;
    uint256 private _dissolveCallerReward;

    constructor(RocketStorageHarness _rocketStorage) RocketStorageClientHarness(_rocketStorage) {}

    /// @notice Seconds after a validator's assignment before anyone may dissolve it (strictly after). Default 28 days.
    function getTimeBeforeDissolve() external view returns (uint256) {
        return _timeBeforeDissolve;
    }

    /// @notice Wei added to the operator's debt when a validator is dissolved. Default 0.05 ETH.
    function getDissolvePenalty() external view returns (uint256) {
        return _dissolvePenalty;
    }

    /// @notice In EPOCHS, like the real getter: an exit is notified late when
    ///         recentEpoch > withdrawableEpoch - getNotifyThreshold(). Default 112 epochs (about 12 hours).
    function getNotifyThreshold() external view returns (uint256) {
        return _notifyThreshold;
    }

    /// @notice Wei added to the operator's debt for a late exit notification. Default 0.05 ETH.
    function getLateNotifyFine() external view returns (uint256) {
        return _lateNotifyFine;
    }

    /// @notice In EPOCHS: a non-owner may notify a final balance once recentEpoch >= withdrawalEpoch + this. Default 1575.
    function getUserDistributeDelay() external view returns (uint256) {
        return _userDistributeDelay;
    }

    /// @notice In EPOCHS: the delay that replaces getUserDistributeDelay when the exit leaves a shortfall. Default 6750.
    ///         The harness megapool uses it when a final balance leaves the users' capital short.
    function getUserDistributeDelayWithShortfall() external view returns (uint256) {
        return _userDistributeDelayWithShortfall;
    }

    /// @notice HARNESS ONLY (seed design, absent from the deployed protocol): wei a megapool pays the caller of
    ///         dissolveValidator when the caller is not the node operator, out of ETH the megapool holds.
    ///         Default 0, as on the live network, where the caller is paid nothing.
    function getDissolveCallerReward() external view returns (uint256) {
        return _dissolveCallerReward;
    }

    function setTimeBeforeDissolve(uint256 _value) external onlyGuardianOrProposal {
        _timeBeforeDissolve = _value;
    }

    function setDissolvePenalty(uint256 _value) external onlyGuardianOrProposal {
        _dissolvePenalty = _value;
    }

    function setNotifyThreshold(uint256 _value) external onlyGuardianOrProposal {
        _notifyThreshold = _value;
    }

    function setLateNotifyFine(uint256 _value) external onlyGuardianOrProposal {
        _lateNotifyFine = _value;
    }

    function setUserDistributeDelay(uint256 _value) external onlyGuardianOrProposal {
        _userDistributeDelay = _value;
    }

    function setUserDistributeDelayWithShortfall(uint256 _value) external onlyGuardianOrProposal {
        _userDistributeDelayWithShortfall = _value;
    }

    function setDissolveCallerReward(uint256 _value) external onlyGuardianOrProposal {
        _dissolveCallerReward = _value;
    }
}
