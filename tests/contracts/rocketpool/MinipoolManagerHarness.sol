// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MinipoolHarness} from "./MinipoolHarness.sol";
import {MinipoolStatus} from "./MinipoolStatus.sol";
import {RocketStorageClientHarness} from "./RocketStorageClientHarness.sol";
import {RocketStorageHarness} from "./RocketStorageHarness.sol";

/// @notice Test stand-in for rocketMinipoolManager: the network minipool set, its enumeration and its events.
contract MinipoolManagerHarness is RocketStorageClientHarness {
    event MinipoolCreated(address indexed minipool, address indexed node, uint256 time);
    event MinipoolDestroyed(address indexed minipool, address indexed node, uint256 time);

    address[] private _minipools;
    /// @dev Position in _minipools plus one; zero when absent.
    mapping(address => uint256) private _positions;

    constructor(RocketStorageHarness _rocketStorage) RocketStorageClientHarness(_rocketStorage) {}

    function getMinipoolCount() public view returns (uint256) {
        return _minipools.length;
    }

    /// @notice Like the real set storage, returns the zero address past the end.
    function getMinipoolAt(uint256 _index) external view returns (address) {
        return _index < _minipools.length ? _minipools[_index] : address(0);
    }

    function getMinipoolExists(address _minipoolAddress) external view returns (bool) {
        return _positions[_minipoolAddress] != 0;
    }

    /// @notice Same semantics as the real one: scans indexes [_offset, _offset + _limit) clamped to the count
    ///         (_limit 0 means to the end) and returns the Prelaunch minipools among them, in index order.
    function getPrelaunchMinipools(uint256 _offset, uint256 _limit) external view returns (address[] memory) {
        uint256 total = getMinipoolCount();
        uint256 max = _offset + _limit;
        if (max > total || _limit == 0) {
            max = total;
        }
        address[] memory found = new address[](max - _offset);
        uint256 count = 0;
        for (uint256 i = _offset; i < max; ++i) {
            if (MinipoolHarness(_minipools[i]).getStatus() == MinipoolStatus.Prelaunch) {
                found[count] = _minipools[i];
                count++;
            }
        }
        assembly {
            mstore(found, count)
        }
        return found;
    }

    /// @notice Test-only (anyone): deploys an Initialised minipool for a node and emits MinipoolCreated.
    function createMinipool(address _nodeAddress) external returns (address) {
        MinipoolHarness minipool = new MinipoolHarness(rocketStorage, _nodeAddress);
        _minipools.push(address(minipool));
        _positions[address(minipool)] = _minipools.length;
        emit MinipoolCreated(address(minipool), _nodeAddress, block.timestamp);
        return address(minipool);
    }

    /// @notice Same signature as the real one: a registered minipool removes itself (from its close()).
    ///         Removal moves the last minipool into the freed index, as the real address set does.
    function destroyMinipool() external {
        uint256 position = _positions[msg.sender];
        require(position != 0, "Invalid minipool");
        address last = _minipools[_minipools.length - 1];
        _minipools[position - 1] = last;
        _positions[last] = position;
        _minipools.pop();
        delete _positions[msg.sender];
        emit MinipoolDestroyed(msg.sender, MinipoolHarness(msg.sender).getNodeAddress(), block.timestamp);
    }
}
