// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice Stand-in for the EIP-4788 beacon roots contract, installed at 0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02 with
///         anvil_setCode (see Keeper.Host.Devnet.Beacon.BeaconRootsContract). Reads answer exactly as the real contract
///         answers them: the calldata is one 32-byte big-endian timestamp; the call reverts without data when the calldata
///         is not 32 bytes, when the timestamp is 0, or when the ring buffer's slot (timestamp % 8191) holds another
///         timestamp; otherwise it returns the 32-byte root stored at slot (timestamp % 8191) + 8191. Any value sent is
///         kept, as the real contract keeps it.
/// @dev The roots are written from outside with anvil_setStorageAt, in the real contract's storage layout. The real
///      contract's write path (a call from the system address 0xff..fe at the start of each block) is ignored here:
///      anvil 1.7.1 (default hardfork Bpo1) was observed to make no such system call on mining, with or without
///      transactions, and to start with no code at this address, but a node that did make it would overwrite the
///      devnet's roots with its own zero parent beacon root.
contract BeaconRootsHarness {
    address private constant SYSTEM_ADDRESS = 0xffffFFFfFFffffffffffffffFfFFFfffFFFfFFfE;

    fallback() external payable {
        if (msg.sender == SYSTEM_ADDRESS) {
            return;
        }
        assembly {
            if iszero(eq(calldatasize(), 32)) {
                revert(0, 0)
            }
            let time := calldataload(0)
            if iszero(time) {
                revert(0, 0)
            }
            let slot := mod(time, 8191)
            if iszero(eq(sload(slot), time)) {
                revert(0, 0)
            }
            mstore(0, sload(add(slot, 8191)))
            return(0, 32)
        }
    }
}
