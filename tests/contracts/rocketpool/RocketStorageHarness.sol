// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice Test stand-in for RocketStorage's contract registry: the one address a keeper is configured with.
///         Keys are keccak256(abi.encodePacked("contract.address", name)), as on the live network.
/// @dev Only the address store is modelled. The deployer is the guardian; only it may register contracts,
///      so a keeper under test cannot rewire the harness.
contract RocketStorageHarness {
    address private immutable _guardian;
    mapping(bytes32 => address) private _addresses;

    constructor() {
        _guardian = msg.sender;
    }

    /// @notice Same signature as RocketStorage.getAddress.
    function getAddress(bytes32 _key) external view returns (address) {
        return _addresses[_key];
    }

    /// @notice Same signature as RocketStorage.getGuardian.
    function getGuardian() external view returns (address) {
        return _guardian;
    }

    /// @notice Test-only: registers (or re-registers, as an upgrade does) an address under a key.
    function setAddress(bytes32 _key, address _value) external {
        require(msg.sender == _guardian, "Not guardian");
        _addresses[_key] = _value;
    }
}
