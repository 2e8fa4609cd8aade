// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {GoGoProtocolDAOHarness} from "./GoGoProtocolDAOHarness.sol";
import {GoGoStorageClient} from "./GoGoStorageClient.sol";
import {GoGoStorageHarness} from "./GoGoStorageHarness.sol";

/// @notice Test stand-in for GoGoPool's RewardsPool: the rewards-cycle clock and its one permissionless call,
///         with the protocol's storage keys, checks, revert errors and event. No GGP is minted or distributed:
///         the cycle's total is a made-up figure (one token per inflation interval elapsed).
contract GoGoRewardsPoolHarness is GoGoStorageClient {
    error UnableToStartRewardsCycle();
    error ContractHasNotBeenInitialized();
    error ContractPaused();

    event NewRewardsCycleStarted(uint256 totalRewardsAmt);

    constructor(GoGoStorageHarness storageAddress) GoGoStorageClient(storageAddress) {}

    /// @notice Starts the first cycle and inflation interval now (guardian, once registered); later calls do nothing.
    function initialize() external onlyGuardian {
        if (gogoStorage.getBool(keccak256("RewardsPool.initialized"))) {
            return;
        }
        gogoStorage.setBool(keccak256("RewardsPool.initialized"), true);
        gogoStorage.setUint(keccak256("RewardsPool.RewardsCycleStartTime"), block.timestamp);
        gogoStorage.setUint(keccak256("RewardsPool.InflationIntervalStartTime"), block.timestamp);
    }

    function getInflationIntervalStartTime() public view returns (uint256) {
        return gogoStorage.getUint(keccak256("RewardsPool.InflationIntervalStartTime"));
    }

    function getInflationIntervalsElapsed() public view returns (uint256) {
        uint256 startTime = getInflationIntervalStartTime();
        if (startTime == 0) {
            revert ContractHasNotBeenInitialized();
        }
        return (block.timestamp - startTime) / _dao().getInflationIntervalSeconds();
    }

    function getRewardsCycleCount() public view returns (uint256) {
        return gogoStorage.getUint(keccak256("RewardsPool.RewardsCycleCount"));
    }

    function getRewardsCycleStartTime() public view returns (uint256) {
        return gogoStorage.getUint(keccak256("RewardsPool.RewardsCycleStartTime"));
    }

    function getRewardsCycleTotalAmt() public view returns (uint256) {
        return gogoStorage.getUint(keccak256("RewardsPool.RewardsCycleTotalAmt"));
    }

    function getRewardsCyclesElapsed() public view returns (uint256) {
        return (block.timestamp - getRewardsCycleStartTime()) / _dao().getRewardsCycleSeconds();
    }

    /// @notice True once a whole rewards cycle and a whole inflation interval have passed, unless the pool is paused.
    function canStartRewardsCycle() public view returns (bool) {
        if (isPaused("RewardsPool")) {
            return false;
        }
        return getRewardsCyclesElapsed() > 0 && getInflationIntervalsElapsed() > 0;
    }

    /// @notice Open to anyone, valid when canStartRewardsCycle(). Like the protocol, logs the previous cycle's total
    ///         before the new cycle starts.
    function startRewardsCycle() external {
        if (isPaused("RewardsPool")) {
            revert ContractPaused();
        }
        if (!canStartRewardsCycle()) {
            revert UnableToStartRewardsCycle();
        }

        emit NewRewardsCycleStarted(getRewardsCycleTotalAmt());

        gogoStorage.setUint(keccak256("RewardsPool.RewardsCycleStartTime"), block.timestamp);
        gogoStorage.addUint(keccak256("RewardsPool.RewardsCycleCount"), 1);

        uint256 intervals = getInflationIntervalsElapsed();
        gogoStorage.addUint(keccak256("RewardsPool.InflationIntervalStartTime"), block.timestamp - getInflationIntervalStartTime());
        gogoStorage.setUint(keccak256("RewardsPool.RewardsCycleTotalAmt"), intervals * 1 ether);
    }

    function _dao() private view returns (GoGoProtocolDAOHarness) {
        return GoGoProtocolDAOHarness(getContractAddress("ProtocolDAO"));
    }
}
