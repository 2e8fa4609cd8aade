// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MinipoolStatus} from "./GoGoMinipoolStatus.sol";
import {GoGoStorageClient} from "./GoGoStorageClient.sol";
import {GoGoStorageHarness} from "./GoGoStorageHarness.sol";

/// @notice Test stand-in for GoGoPool's MinipoolManager: minipool records kept in Storage under the protocol's keys
///         (keccak256(abi.encodePacked("minipool.item", int256 index, ".<field>")), "minipool.index" ++ nodeID holds the
///         index plus one, "minipool.count"), the protocol's view functions with the same Minipool struct, its status
///         event and transition rule, and the owner's withdrawal. The orchestrator's staking calls are replaced by
///         open test drivers (seedMinipool, recordStatus); no AVAX moves.
contract GoGoMinipoolManagerHarness is GoGoStorageClient {
    error InvalidStateTransition();
    error MinipoolNotFound();
    error OnlyOwner();

    event MinipoolStatusChanged(address indexed nodeID, MinipoolStatus indexed status);

    /// @dev Field for field the protocol's return struct (not its storage).
    struct Minipool {
        int256 index;
        address nodeID;
        uint256 status;
        uint256 duration;
        uint256 delegationFee;
        address owner;
        address multisigAddr;
        uint256 avaxNodeOpAmt;
        uint256 avaxNodeOpInitialAmt;
        uint256 avaxLiquidStakerAmt;
        bytes blsPubkeyAndSig;
        bytes32 txID;
        uint256 creationTime;
        uint256 initialStartTime;
        uint256 startTime;
        uint256 endTime;
        uint256 avaxTotalRewardAmt;
        bytes32 errorCode;
        uint256 ggpSlashAmt;
        uint256 avaxNodeOpRewardAmt;
        uint256 avaxLiquidStakerRewardAmt;
        bytes32 hardwareProvider;
    }

    /// @dev The amounts every seeded minipool holds: the protocol's minimum node operator stake and assignment.
    uint256 private constant SeedAvaxAmt = 1_000 ether;

    constructor(GoGoStorageHarness storageAddress) GoGoStorageClient(storageAddress) {}

    function getIndexOf(address nodeID) public view returns (int256) {
        return int256(gogoStorage.getUint(keccak256(abi.encodePacked("minipool.index", nodeID)))) - 1;
    }

    function requireValidMinipool(address nodeID) public view returns (int256) {
        int256 index = getIndexOf(nodeID);
        if (index == -1) {
            revert MinipoolNotFound();
        }
        return index;
    }

    function getMinipoolCount() public view returns (uint256) {
        return gogoStorage.getUint(keccak256("minipool.count"));
    }

    function getMinipoolByNodeID(address nodeID) public view returns (Minipool memory) {
        return getMinipool(getIndexOf(nodeID));
    }

    function getMinipool(int256 index) public view returns (Minipool memory mp) {
        mp.index = index;
        mp.nodeID = gogoStorage.getAddress(_key(index, ".nodeID"));
        mp.status = _uint(index, ".status");
        mp.duration = _uint(index, ".duration");
        mp.delegationFee = _uint(index, ".delegationFee");
        mp.owner = gogoStorage.getAddress(_key(index, ".owner"));
        mp.multisigAddr = gogoStorage.getAddress(_key(index, ".multisigAddr"));
        mp.avaxNodeOpAmt = _uint(index, ".avaxNodeOpAmt");
        mp.avaxNodeOpInitialAmt = _uint(index, ".avaxNodeOpInitialAmt");
        mp.avaxLiquidStakerAmt = _uint(index, ".avaxLiquidStakerAmt");
        mp.txID = gogoStorage.getBytes32(_key(index, ".txID"));
        mp.creationTime = _uint(index, ".creationTime");
        mp.initialStartTime = _uint(index, ".initialStartTime");
        mp.startTime = _uint(index, ".startTime");
        mp.endTime = _uint(index, ".endTime");
        mp.avaxTotalRewardAmt = _uint(index, ".avaxTotalRewardAmt");
        mp.errorCode = gogoStorage.getBytes32(_key(index, ".errorCode"));
        mp.ggpSlashAmt = _uint(index, ".ggpSlashAmt");
        mp.avaxNodeOpRewardAmt = _uint(index, ".avaxNodeOpRewardAmt");
        mp.avaxLiquidStakerRewardAmt = _uint(index, ".avaxLiquidStakerRewardAmt");
        mp.hardwareProvider = gogoStorage.getBytes32(_key(index, ".hardwareProvider"));
    }

    /// @notice Scans indexes [offset, offset + limit) clamped to the count (limit 0: to the end) and returns the
    ///         minipools in `status` among them, in index order.
    function getMinipools(MinipoolStatus status, uint256 offset, uint256 limit) public view returns (Minipool[] memory found) {
        uint256 total = getMinipoolCount();
        uint256 max = offset + limit;
        if (max > total || limit == 0) {
            max = total;
        }
        found = new Minipool[](max - offset);
        uint256 count = 0;
        for (uint256 i = offset; i < max; i++) {
            Minipool memory mp = getMinipool(int256(i));
            if (mp.status == uint256(status)) {
                found[count] = mp;
                count++;
            }
        }
        assembly {
            mstore(found, count)
        }
    }

    /// @notice The owner takes a Withdrawable (or Error) minipool's funds: it becomes Finished.
    function withdrawMinipoolFunds(address nodeID) external {
        int256 index = requireValidMinipool(nodeID);
        if (msg.sender != gogoStorage.getAddress(_key(index, ".owner"))) {
            revert OnlyOwner();
        }
        _requireValidStateTransition(index, MinipoolStatus.Finished);
        _setStatus(nodeID, index, MinipoolStatus.Finished);
    }

    /// @notice Test-only (anyone): creates the minipool of `nodeID`, or overwrites it, in `status` with the given times,
    ///         and logs MinipoolStatusChanged. `startTime` is also its initial start time.
    function seedMinipool(
        address nodeID,
        address owner,
        MinipoolStatus status,
        uint256 duration,
        uint256 creationTime,
        uint256 startTime,
        uint256 endTime,
        bytes32 errorCode
    ) public {
        int256 index = getIndexOf(nodeID);
        if (index == -1) {
            index = int256(getMinipoolCount());
            gogoStorage.setUint(keccak256(abi.encodePacked("minipool.index", nodeID)), uint256(index + 1));
            gogoStorage.setAddress(_key(index, ".nodeID"), nodeID);
            gogoStorage.addUint(keccak256("minipool.count"), 1);
        }
        gogoStorage.setAddress(_key(index, ".owner"), owner);
        gogoStorage.setUint(_key(index, ".duration"), duration);
        gogoStorage.setUint(_key(index, ".avaxNodeOpAmt"), SeedAvaxAmt);
        gogoStorage.setUint(_key(index, ".avaxNodeOpInitialAmt"), SeedAvaxAmt);
        gogoStorage.setUint(_key(index, ".avaxLiquidStakerAmt"), SeedAvaxAmt);
        gogoStorage.setUint(_key(index, ".creationTime"), creationTime);
        gogoStorage.setUint(_key(index, ".initialStartTime"), startTime);
        gogoStorage.setUint(_key(index, ".startTime"), startTime);
        gogoStorage.setUint(_key(index, ".endTime"), endTime);
        gogoStorage.setBytes32(_key(index, ".errorCode"), errorCode);
        _setStatus(nodeID, index, status);
    }

    /// @notice Test-only (anyone): what the orchestrator's calls do to the status and times, under the protocol's
    ///         transition rule. Staking starts now (and sets the initial start time once); Withdrawable ends now.
    function recordStatus(address nodeID, MinipoolStatus to, bytes32 errorCode) external {
        int256 index = requireValidMinipool(nodeID);
        _requireValidStateTransition(index, to);
        if (to == MinipoolStatus.Staking) {
            gogoStorage.setUint(_key(index, ".startTime"), block.timestamp);
            if (_uint(index, ".initialStartTime") == 0) {
                gogoStorage.setUint(_key(index, ".initialStartTime"), block.timestamp);
            }
        } else if (to == MinipoolStatus.Withdrawable) {
            gogoStorage.setUint(_key(index, ".endTime"), block.timestamp);
        } else if (to == MinipoolStatus.Error || to == MinipoolStatus.Canceled) {
            gogoStorage.setBytes32(_key(index, ".errorCode"), errorCode);
        } else if (to == MinipoolStatus.Prelaunch) {
            gogoStorage.setUint(_key(index, ".creationTime"), block.timestamp);
        }
        _setStatus(nodeID, index, to);
    }

    function _requireValidStateTransition(int256 index, MinipoolStatus to) private view {
        MinipoolStatus current = MinipoolStatus(_uint(index, ".status"));
        bool valid;
        if (current == MinipoolStatus.Prelaunch) {
            valid = to == MinipoolStatus.Launched || to == MinipoolStatus.Canceled;
        } else if (current == MinipoolStatus.Launched) {
            valid = to == MinipoolStatus.Staking || to == MinipoolStatus.Error;
        } else if (current == MinipoolStatus.Staking) {
            valid = to == MinipoolStatus.Withdrawable;
        } else if (current == MinipoolStatus.Withdrawable || current == MinipoolStatus.Error) {
            valid = to == MinipoolStatus.Finished;
        } else {
            valid = to == MinipoolStatus.Prelaunch;
        }
        if (!valid) {
            revert InvalidStateTransition();
        }
    }

    function _setStatus(address nodeID, int256 index, MinipoolStatus status) private {
        gogoStorage.setUint(_key(index, ".status"), uint256(status));
        emit MinipoolStatusChanged(nodeID, status);
    }

    function _uint(int256 index, string memory field) private view returns (uint256) {
        return gogoStorage.getUint(_key(index, field));
    }

    function _key(int256 index, string memory field) private pure returns (bytes32) {
        return keccak256(abi.encodePacked("minipool.item", index, field));
    }
}
