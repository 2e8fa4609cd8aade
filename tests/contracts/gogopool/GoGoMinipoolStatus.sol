// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice GoGoPool's minipool lifecycle, in the protocol's order (the ABI carries it as uint8).
enum MinipoolStatus {
    Prelaunch,
    Launched,
    Staking,
    Withdrawable,
    Finished,
    Canceled,
    Error
}
