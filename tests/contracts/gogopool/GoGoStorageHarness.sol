// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice Test stand-in for GoGoPool's Storage: one key-value store that every protocol contract reads and writes,
///         the contract registry included (keccak256(abi.encodePacked("contract.address", name)) => address).
/// @dev Only the value types the harness needs are modelled. As on the live network, writes are open to the guardian
///      (the deployer) and to registered contracts (keccak256(abi.encodePacked("contract.exists", address)) => true).
contract GoGoStorageHarness {
    error InvalidOrOutdatedContract();

    address private immutable _guardian;
    mapping(bytes32 => address) private _addresses;
    mapping(bytes32 => bool) private _bools;
    mapping(bytes32 => bytes32) private _bytes32s;
    mapping(bytes32 => uint256) private _uints;

    modifier onlyNetworkOrGuardian() {
        if (!_bools[keccak256(abi.encodePacked("contract.exists", msg.sender))] && msg.sender != _guardian) {
            revert InvalidOrOutdatedContract();
        }
        _;
    }

    constructor() {
        _guardian = msg.sender;
    }

    function getGuardian() external view returns (address) {
        return _guardian;
    }

    function getAddress(bytes32 key) external view returns (address) {
        return _addresses[key];
    }

    function getBool(bytes32 key) external view returns (bool) {
        return _bools[key];
    }

    function getBytes32(bytes32 key) external view returns (bytes32) {
        return _bytes32s[key];
    }

    function getUint(bytes32 key) external view returns (uint256) {
        return _uints[key];
    }

    function setAddress(bytes32 key, address value) external onlyNetworkOrGuardian {
        _addresses[key] = value;
    }

    function setBool(bytes32 key, bool value) external onlyNetworkOrGuardian {
        _bools[key] = value;
    }

    function setBytes32(bytes32 key, bytes32 value) external onlyNetworkOrGuardian {
        _bytes32s[key] = value;
    }

    function setUint(bytes32 key, uint256 value) external onlyNetworkOrGuardian {
        _uints[key] = value;
    }

    function addUint(bytes32 key, uint256 amount) external onlyNetworkOrGuardian {
        _uints[key] += amount;
    }
}
