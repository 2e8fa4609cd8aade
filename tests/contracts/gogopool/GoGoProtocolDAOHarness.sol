// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {GoGoStorageClient} from "./GoGoStorageClient.sol";
import {GoGoStorageHarness} from "./GoGoStorageHarness.sol";

/// @notice Test stand-in for GoGoPool's ProtocolDAO: the settings a keeper reads, under the protocol's storage keys
///         (keccak256("ProtocolDAO.<Name>")) and with the protocol's defaults.
contract GoGoProtocolDAOHarness is GoGoStorageClient {
    constructor(GoGoStorageHarness storageAddress) GoGoStorageClient(storageAddress) {}

    /// @notice Writes the protocol's default settings (guardian, once registered).
    function initialize() external onlyGuardian {
        _set("RewardsCycleSeconds", 28 days);
        _set("InflationIntervalSeconds", 1 days);
        _set("MinipoolMinDuration", 14 days);
        _set("MinipoolMaxDuration", 365 days);
        _set("MinipoolCycleDuration", 14 days);
        _set("MinipoolCycleDelayTolerance", 1 days);
        _set("MinipoolCancelMoratoriumSeconds", 5 days);
    }

    function getRewardsCycleSeconds() public view returns (uint256) {
        return _get("RewardsCycleSeconds");
    }

    function getInflationIntervalSeconds() public view returns (uint256) {
        return _get("InflationIntervalSeconds");
    }

    function getMinipoolMinDuration() public view returns (uint256) {
        return _get("MinipoolMinDuration");
    }

    function getMinipoolMaxDuration() public view returns (uint256) {
        return _get("MinipoolMaxDuration");
    }

    function getMinipoolCycleDuration() public view returns (uint256) {
        return _get("MinipoolCycleDuration");
    }

    function getMinipoolCycleDelayTolerance() public view returns (uint256) {
        return _get("MinipoolCycleDelayTolerance");
    }

    function getMinipoolCancelMoratoriumSeconds() public view returns (uint256) {
        return _get("MinipoolCancelMoratoriumSeconds");
    }

    function getContractPaused(string memory contractName) public view returns (bool) {
        return isPaused(contractName);
    }

    /// @notice Test-only (guardian): changes one setting, e.g. ("RewardsCycleSeconds", 3600).
    function setSetting(string calldata name, uint256 value) external onlyGuardian {
        _set(name, value);
    }

    function _get(string memory name) private view returns (uint256) {
        return gogoStorage.getUint(keccak256(abi.encodePacked("ProtocolDAO.", name)));
    }

    function _set(string memory name, uint256 value) private {
        gogoStorage.setUint(keccak256(abi.encodePacked("ProtocolDAO.", name)), value);
    }
}
