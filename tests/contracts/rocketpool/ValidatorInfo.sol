// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice Per-validator record of a megapool, field for field and in the order of the deployed
///         `RocketMegapoolStorageLayout.ValidatorInfo` (megapool delegate v2), so that every getter
///         returning it has the same ABI tuple as the real contracts.
/// @dev lastRequestedValue and lastRequestedBond are in milliether; depositValue is in milliether too
///      (the real code adds `prestakeValue / milliToWei` although its comment says gwei); exitBalance is in gwei;
///      lockedTime is the block timestamp of the last exit challenge.
struct ValidatorInfo {
    uint32 lastAssignmentTime;
    uint32 lastRequestedValue;
    uint32 lastRequestedBond;
    uint32 depositValue;
    bool staked;
    bool exited;
    bool inQueue;
    bool inPrestake;
    bool expressUsed;
    bool dissolved;
    bool exiting;
    bool locked;
    uint64 exitBalance;
    uint64 lockedTime;
}
