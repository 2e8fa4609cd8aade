// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {RocketStorageClientHarness} from "./RocketStorageClientHarness.sol";
import {RocketStorageHarness} from "./RocketStorageHarness.sol";

/// @notice Test stand-in for rocketDAOProtocolSettingsMinipool: the launch timeout a keeper reads.
contract MinipoolSettingsHarness is RocketStorageClientHarness {
    uint256 private _launchTimeout = 72 hours;

    constructor(RocketStorageHarness _rocketStorage) RocketStorageClientHarness(_rocketStorage) {}

    /// @notice Seconds a minipool may stay in Prelaunch; anyone may dissolve it once
    ///         block.timestamp - statusTime >= this. Default 72 hours.
    function getLaunchTimeout() external view returns (uint256) {
        return _launchTimeout;
    }

    function setLaunchTimeout(uint256 _value) external onlyGuardianOrProposal {
        _launchTimeout = _value;
    }
}
