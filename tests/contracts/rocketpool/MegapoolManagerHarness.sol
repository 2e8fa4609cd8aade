// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MegapoolHarness} from "./MegapoolHarness.sol";
import {RocketStorageClientHarness} from "./RocketStorageClientHarness.sol";
import {RocketStorageHarness} from "./RocketStorageHarness.sol";
import {ValidatorInfo} from "./ValidatorInfo.sol";

/// @notice Test stand-in for rocketMegapoolManager: the global validator index across all megapools.
///         Like the real manager it emits no events; a keeper learns of new validators from the megapools' events
///         and from this index. The proof-checked entry points (stake, dissolve, notifyExit, ...) are not modelled.
contract MegapoolManagerHarness is RocketStorageClientHarness {
    struct IndexEntry {
        address megapool;
        uint32 validatorId;
    }

    IndexEntry[] private _entries;
    mapping(address => bool) private _registered;
    mapping(bytes32 => address) private _megapoolByPubkey;

    constructor(RocketStorageHarness _rocketStorage) RocketStorageClientHarness(_rocketStorage) {}

    /// @notice Same signature as the real getter: the number of validators across all megapools.
    function getValidatorCount() external view returns (uint256) {
        return _entries.length;
    }

    /// @notice Same signature and return tuple as the real getter. The real one reads an unset slot for an index
    ///         past the end and then reverts without a reason; this one reverts with a reason.
    function getValidatorInfo(uint256 _index)
        external
        view
        returns (bytes memory pubkey, ValidatorInfo memory validatorInfo, address megapool, uint32 validatorId)
    {
        require(_index < _entries.length, "Validator index out of range");
        IndexEntry storage entry = _entries[_index];
        megapool = entry.megapool;
        validatorId = entry.validatorId;
        (validatorInfo, pubkey) = MegapoolHarness(payable(megapool)).getValidatorInfoAndPubkey(validatorId);
    }

    /// @notice Same signature as the real getter.
    function getMegapoolByPubkey(bytes calldata _pubkey) external view returns (address) {
        return _megapoolByPubkey[keccak256(_pubkey)];
    }

    /// @notice Same signature as the real one (which the node deposit contract calls); here a registered
    ///         megapool adds its own validator.
    function addValidator(address _megapoolAddress, uint32 _validatorId, bytes calldata _pubkey) external {
        require(_registered[msg.sender] && msg.sender == _megapoolAddress, "Invalid megapool");
        bytes32 pubkeyKey = keccak256(_pubkey);
        require(_megapoolByPubkey[pubkeyKey] == address(0), "Pubkey in use");
        _megapoolByPubkey[pubkeyKey] = _megapoolAddress;
        _entries.push(IndexEntry({megapool: _megapoolAddress, validatorId: _validatorId}));
    }

    /// @notice HARNESS ONLY: the registered megapool factory records each megapool it deploys
    ///         (the real protocol keeps a "megapool.exists" flag in RocketStorage instead).
    function registerMegapool(address _megapool) external {
        require(msg.sender == _contractAddress("rocketMegapoolFactory"), "Invalid or outdated contract");
        _registered[_megapool] = true;
    }

    /// @notice HARNESS ONLY: whether the factory deployed this megapool.
    function getMegapoolRegistered(address _megapool) external view returns (bool) {
        return _registered[_megapool];
    }
}
