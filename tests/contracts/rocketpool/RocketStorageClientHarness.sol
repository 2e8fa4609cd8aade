// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {RocketStorageHarness} from "./RocketStorageHarness.sol";

/// @notice Shared plumbing of the Rocket Pool harness contracts: every contract finds the others through
///         the storage registry on each call, as the real contracts do, so re-registering a name takes effect at once.
abstract contract RocketStorageClientHarness {
    RocketStorageHarness internal immutable rocketStorage;

    constructor(RocketStorageHarness _rocketStorage) {
        require(address(_rocketStorage) != address(0), "Invalid storage address");
        rocketStorage = _rocketStorage;
    }

    modifier onlyGuardian() {
        require(msg.sender == rocketStorage.getGuardian(), "Not guardian");
        _;
    }

    /// @dev Settings change by the guardian (as an upgrade or hotfix contract does, without any event) or by an executed
    ///      protocol DAO proposal (which logs ProposalExecuted).
    modifier onlyGuardianOrProposal() {
        require(
            msg.sender == rocketStorage.getGuardian() ||
                msg.sender == rocketStorage.getAddress(keccak256(abi.encodePacked("contract.address", "rocketDAOProtocolProposal"))),
            "Not guardian or DAO proposal"
        );
        _;
    }

    /// @notice The RocketStorage harness this contract resolves other contracts through.
    function getRocketStorage() external view returns (address) {
        return address(rocketStorage);
    }

    /// @dev Reverts with the real RocketBase message when the name is not registered.
    function _contractAddress(string memory _name) internal view returns (address contractAddress) {
        contractAddress = rocketStorage.getAddress(keccak256(abi.encodePacked("contract.address", _name)));
        require(contractAddress != address(0), "Contract not found");
    }
}
