// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {DepositPoolHarness} from "./DepositPoolHarness.sol";
import {MegapoolFactoryHarness} from "./MegapoolFactoryHarness.sol";
import {MegapoolHarness} from "./MegapoolHarness.sol";
import {MinipoolHarness} from "./MinipoolHarness.sol";
import {MinipoolManagerHarness} from "./MinipoolManagerHarness.sol";
import {RocketStorageClientHarness} from "./RocketStorageClientHarness.sol";
import {RocketStorageHarness} from "./RocketStorageHarness.sol";

/// @notice HARNESS ONLY, for benchmarks: seeds many pools per transaction. It calls the harness contracts' own
///         open entry points (deployContract, newValidator, assign, stake, createMinipool, prelaunch), so every pool
///         ends in the same storage state and emits the same events as when a transaction drives each step; only the
///         number of transactions changes (100,000 validators take hundreds instead of 220,000). No real protocol
///         contract has this; nothing else calls it.
contract HarnessSeeder is RocketStorageClientHarness {
    uint256 private constant PUBKEY_LENGTH = 48;
    uint256 private constant BOND = 4 ether;

    constructor(RocketStorageHarness _rocketStorage) RocketStorageClientHarness(_rocketStorage) {}

    /// @notice Deploys each node's megapool and creates `_perMegapool` validators in it. Validator j is queued when
    ///         j % 4 == 0, staked when j % 4 == 2, and assigned otherwise (in prestake, its dissolve clock starting at
    ///         this block's time). `_pubkeys` holds 48 bytes per validator, megapool after megapool.
    function seedMegapools(address[] calldata _nodes, uint32 _perMegapool, bytes calldata _pubkeys) external {
        require(_pubkeys.length == _nodes.length * _perMegapool * PUBKEY_LENGTH, "Pubkeys must be 48 bytes per validator");
        MegapoolFactoryHarness factory = MegapoolFactoryHarness(_contractAddress("rocketMegapoolFactory"));
        DepositPoolHarness depositPool = DepositPoolHarness(payable(_contractAddress("rocketDepositPool")));
        uint256 next = 0;
        for (uint256 m = 0; m < _nodes.length; ++m) {
            MegapoolHarness megapool = MegapoolHarness(payable(factory.deployContract(_nodes[m])));
            for (uint32 j = 0; j < _perMegapool; ++j) {
                megapool.newValidator(BOND, false, _pubkeys[next:next + PUBKEY_LENGTH], "", bytes32(0));
                next += PUBKEY_LENGTH;
                if (j % 4 != 0) {
                    depositPool.assign(address(megapool), j);
                }
                if (j % 4 == 2) {
                    megapool.stake(j);
                }
            }
        }
    }

    /// @notice Creates a minipool for each node. The minipool at plan index `_firstIndex + k` is left Initialised when
    ///         that index % 4 == 0, Staking when % 4 == 2, and in Prelaunch otherwise (its launch timeout starting at
    ///         this block's time).
    function seedMinipools(address[] calldata _nodes, uint256 _firstIndex) external {
        MinipoolManagerHarness manager = MinipoolManagerHarness(_contractAddress("rocketMinipoolManager"));
        for (uint256 k = 0; k < _nodes.length; ++k) {
            MinipoolHarness minipool = MinipoolHarness(manager.createMinipool(_nodes[k]));
            uint256 index = _firstIndex + k;
            if (index % 4 != 0) {
                minipool.prelaunch();
            }
            if (index % 4 == 2) {
                minipool.stake();
            }
        }
    }
}
