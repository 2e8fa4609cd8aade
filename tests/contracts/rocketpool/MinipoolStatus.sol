// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice A legacy minipool's status, with the members and order of Rocket Pool's `MinipoolStatus`
///         (ABI type uint8). Withdrawable is no longer used by the real protocol.
enum MinipoolStatus {
    Initialised,
    Prelaunch,
    Staking,
    Withdrawable,
    Dissolved
}
