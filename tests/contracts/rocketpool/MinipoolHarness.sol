// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MinipoolManagerHarness} from "./MinipoolManagerHarness.sol";
import {MinipoolSettingsHarness} from "./MinipoolSettingsHarness.sol";
import {MinipoolStatus} from "./MinipoolStatus.sol";
import {RocketStorageClientHarness} from "./RocketStorageClientHarness.sol";
import {RocketStorageHarness} from "./RocketStorageHarness.sol";

/// @notice Test stand-in for a legacy minipool (delegate v3): status views, the StatusUpdated event and the
///         keeper's action `dissolve` with the real rule. Status changes are test drivers; no ETH moves.
contract MinipoolHarness is RocketStorageClientHarness {
    event StatusUpdated(uint8 indexed status, uint256 time);

    address private immutable _manager;
    address private immutable _nodeOperator;
    MinipoolStatus private _status;
    uint256 private _statusBlock;
    uint256 private _statusTime;

    /// @dev Like the real initialise, starts Initialised without emitting StatusUpdated.
    constructor(RocketStorageHarness _rocketStorage, address _nodeAddress) RocketStorageClientHarness(_rocketStorage) {
        require(_nodeAddress != address(0), "Invalid node address");
        _manager = msg.sender;
        _nodeOperator = _nodeAddress;
        _status = MinipoolStatus.Initialised;
        _statusBlock = block.number;
        _statusTime = block.timestamp;
    }

    // ----- Views (real signatures) -----

    function getStatus() external view returns (MinipoolStatus) {
        return _status;
    }

    function getStatusBlock() external view returns (uint256) {
        return _statusBlock;
    }

    function getStatusTime() external view returns (uint256) {
        return _statusTime;
    }

    function getNodeAddress() external view returns (address) {
        return _nodeOperator;
    }

    // ----- The keeper's action -----

    /// @notice Anyone may dissolve a Prelaunch minipool once block.timestamp - getStatusTime() >= getLaunchTimeout()
    ///         (greater or equal, unlike the megapool rule). Emits StatusUpdated(Dissolved).
    function dissolve() external {
        require(_status == MinipoolStatus.Prelaunch, "The minipool can only be dissolved while in prelaunch");
        uint256 launchTimeout =
            MinipoolSettingsHarness(_contractAddress("rocketDAOProtocolSettingsMinipool")).getLaunchTimeout();
        require(block.timestamp - _statusTime >= launchTimeout, "The minipool can only be dissolved once it has timed out");
        _setStatus(MinipoolStatus.Dissolved);
    }

    // ----- Test drivers (anyone) -----

    /// @notice Initialised -> Prelaunch, as the deposit pool's assignment does.
    function prelaunch() external {
        require(_status == MinipoolStatus.Initialised, "The node deposit can only be assigned while initialised");
        _setStatus(MinipoolStatus.Prelaunch);
    }

    /// @notice Prelaunch -> Staking, as the node operator's stake does (no scrub period here).
    function stake() external {
        require(_status == MinipoolStatus.Prelaunch, "The minipool can only begin staking while in prelaunch");
        _setStatus(MinipoolStatus.Staking);
    }

    /// @notice Sets any status, stamping the current block and time and emitting StatusUpdated.
    function setStatus(MinipoolStatus _newStatus) external {
        _setStatus(_newStatus);
    }

    /// @notice Removes a dissolved minipool from the manager's set (MinipoolDestroyed), as the real close does.
    function close() external {
        require(_status == MinipoolStatus.Dissolved, "The minipool can only be closed while dissolved");
        MinipoolManagerHarness manager = MinipoolManagerHarness(_manager);
        require(manager.getMinipoolExists(address(this)), "Minipool already closed");
        manager.destroyMinipool();
    }

    function _setStatus(MinipoolStatus _newStatus) private {
        _status = _newStatus;
        _statusBlock = block.number;
        _statusTime = block.timestamp;
        emit StatusUpdated(uint8(_newStatus), block.timestamp);
    }
}
