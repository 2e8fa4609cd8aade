// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {GoGoMinipoolManagerHarness} from "./GoGoMinipoolManagerHarness.sol";
import {MinipoolStatus} from "./GoGoMinipoolStatus.sol";

/// @notice Seeds many GoGoPool minipools in one transaction through the manager's open seedMinipool: the same records
///         and events as one transaction each. Node IDs are consecutive from `firstNodeID`.
contract GoGoHarnessSeeder {
    GoGoMinipoolManagerHarness private immutable _manager;

    constructor(GoGoMinipoolManagerHarness manager) {
        _manager = manager;
    }

    function seed(
        address owner,
        address firstNodeID,
        uint256 count,
        MinipoolStatus status,
        uint256 duration,
        uint256 creationTime,
        uint256 startTime,
        uint256 endTime
    ) external {
        bytes32 errorCode = status == MinipoolStatus.Error ? bytes32("harness") : bytes32(0);
        for (uint256 i = 0; i < count; i++) {
            address nodeID = address(uint160(firstNodeID) + uint160(i));
            _manager.seedMinipool(nodeID, owner, status, duration, creationTime, startTime, endTime, errorCode);
        }
    }
}
