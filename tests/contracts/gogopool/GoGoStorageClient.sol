// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {GoGoStorageHarness} from "./GoGoStorageHarness.sol";

/// @notice What every harness contract shares: its Storage, the registry lookup and the guardian check.
abstract contract GoGoStorageClient {
    error ContractNotFound();
    error MustBeGuardian();

    GoGoStorageHarness internal immutable gogoStorage;

    modifier onlyGuardian() {
        if (msg.sender != gogoStorage.getGuardian()) {
            revert MustBeGuardian();
        }
        _;
    }

    constructor(GoGoStorageHarness storageAddress) {
        gogoStorage = storageAddress;
    }

    /// @dev The registry key the protocol uses: the two strings packed, then hashed.
    function getContractAddress(string memory contractName) internal view returns (address) {
        address found = gogoStorage.getAddress(keccak256(abi.encodePacked("contract.address", contractName)));
        if (found == address(0)) {
            revert ContractNotFound();
        }
        return found;
    }

    function isPaused(string memory contractName) internal view returns (bool) {
        return gogoStorage.getBool(keccak256(abi.encodePacked("contract.paused", contractName)));
    }
}
