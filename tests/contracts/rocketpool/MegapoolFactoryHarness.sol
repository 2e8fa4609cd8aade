// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MegapoolHarness} from "./MegapoolHarness.sol";
import {MegapoolManagerHarness} from "./MegapoolManagerHarness.sol";
import {RocketStorageClientHarness} from "./RocketStorageClientHarness.sol";
import {RocketStorageHarness} from "./RocketStorageHarness.sol";

/// @notice Test stand-in for rocketMegapoolFactory. A node's megapool lives at a CREATE2 address with
///         salt keccak256(abi.encodePacked(node)), as in the real factory; the init code differs (the real one
///         clones a proxy), so the address differs from the live formula: a keeper must ask getExpectedAddress.
///         Emits nothing, like the real factory.
contract MegapoolFactoryHarness is RocketStorageClientHarness {
    bytes32 private immutable _initCodeHash;

    constructor(RocketStorageHarness _rocketStorage) RocketStorageClientHarness(_rocketStorage) {
        _initCodeHash = keccak256(abi.encodePacked(type(MegapoolHarness).creationCode, abi.encode(_rocketStorage)));
    }

    /// @notice Same signature as the real getter: the node's megapool address, known before deployment.
    function getExpectedAddress(address _nodeAddress) public view returns (address) {
        bytes32 digest = keccak256(abi.encodePacked(bytes1(0xff), address(this), _salt(_nodeAddress), _initCodeHash));
        return address(uint160(uint256(digest)));
    }

    /// @notice Same signature as the real getter.
    function getMegapoolDeployed(address _nodeAddress) external view returns (bool) {
        return getExpectedAddress(_nodeAddress).code.length > 0;
    }

    /// @notice Same signature as the real one (network contracts only there; anyone here): deploys the node's
    ///         megapool at getExpectedAddress(node), initialises it and registers it with the manager.
    function deployContract(address _nodeAddress) external returns (address) {
        require(_nodeAddress != address(0), "Invalid node address");
        require(getExpectedAddress(_nodeAddress).code.length == 0, "Megapool already deployed for node operator");
        MegapoolHarness megapool = new MegapoolHarness{salt: _salt(_nodeAddress)}(rocketStorage);
        megapool.initialise(_nodeAddress);
        MegapoolManagerHarness(_contractAddress("rocketMegapoolManager")).registerMegapool(address(megapool));
        return address(megapool);
    }

    function _salt(address _nodeAddress) private pure returns (bytes32) {
        return keccak256(abi.encodePacked(_nodeAddress));
    }
}
