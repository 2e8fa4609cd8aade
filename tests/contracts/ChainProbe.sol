// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice Exercises Keeper.Chain against a real EVM: ABI round trips, reverts of every kind, and events.
contract ChainProbe {
    struct Item {
        uint256 id;
        address owner;
        string label;
        bytes32[] tags;
    }

    error Unauthorized(address caller, uint256 required);

    event ValueSet(address indexed setter, uint256 indexed value, string note, bytes payload);
    event Anonymousish(uint32 indexed id, int64 delta) anonymous;

    uint256 public value;
    mapping(uint256 => Item) private _items;

    function set(uint256 newValue, string calldata note, bytes calldata payload) external {
        value = newValue;
        emit ValueSet(msg.sender, newValue, note, payload);
    }

    function emitAnonymous(uint32 id, int64 delta) external {
        emit Anonymousish(id, delta);
    }

    function putItem(uint256 id, string calldata label, bytes32[] calldata tags) external {
        _items[id] = Item(id, msg.sender, label, tags);
    }

    function getItem(uint256 id) external view returns (Item memory) {
        return _items[id];
    }

    function echo(
        int256 a,
        bool b,
        bytes3 c,
        uint8[3] calldata d,
        string[] calldata e,
        bytes calldata f
    ) external pure returns (int256, bool, bytes3, uint8[3] memory, string[] memory, bytes memory) {
        return (a, b, c, d, e, f);
    }

    function blockTime() external view returns (uint256) {
        return block.timestamp;
    }

    function failWithReason(string calldata reason) external pure {
        revert(reason);
    }

    function failWithPanic(uint256 divisor) external pure returns (uint256) {
        return 1 / divisor;
    }

    function failWithCustom(uint256 required) external view {
        revert Unauthorized(msg.sender, required);
    }

    function failAfter(uint256 timestamp) external view returns (bool) {
        require(block.timestamp > timestamp, "too early");
        return true;
    }
}
