// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MegapoolHarness} from "./MegapoolHarness.sol";
import {MegapoolManagerHarness} from "./MegapoolManagerHarness.sol";
import {RocketStorageClientHarness} from "./RocketStorageClientHarness.sol";
import {RocketStorageHarness} from "./RocketStorageHarness.sol";

/// @notice Test stand-in for rocketDepositPool's megapool queue events. There is no queue order, vault or
///         rETH: a test assigns any outstanding request it chooses with `assign`.
contract DepositPoolHarness is RocketStorageClientHarness {
    uint256 private constant MILLI_TO_WEI = 10 ** 15;

    event FundsRequested(address indexed receiver, uint256 validatorId, uint256 amount, bool expressQueue, uint256 time);
    event FundsAssigned(address indexed receiver, uint256 amount, uint256 time);

    /// @dev Requested wei per (megapool, validator id); zero when none is outstanding.
    mapping(address => mapping(uint32 => uint256)) private _requested;

    constructor(RocketStorageHarness _rocketStorage) RocketStorageClientHarness(_rocketStorage) {}

    /// @notice Same signature and argument checks as the real requestFunds; only megapools the factory
    ///         deployed may call it.
    function requestFunds(uint256 _bondAmount, uint32 _validatorId, uint256 _amount, bool _expressQueue) external {
        require(
            MegapoolManagerHarness(_contractAddress("rocketMegapoolManager")).getMegapoolRegistered(msg.sender),
            "Invalid megapool"
        );
        require(_bondAmount % MILLI_TO_WEI == 0, "Invalid supplied amount");
        require(_amount % MILLI_TO_WEI == 0, "Invalid requested amount");
        require(_requested[msg.sender][_validatorId] == 0, "Funds already requested");
        _requested[msg.sender][_validatorId] = _amount;
        emit FundsRequested(msg.sender, _validatorId, _amount, _expressQueue, block.timestamp);
    }

    /// @notice Test-only: assigns an outstanding request, as the real queue processing does for its head:
    ///         calls the megapool's assignFunds (forwarding msg.value, which may be 0) and emits FundsAssigned
    ///         with the requested amount.
    function assign(address _megapool, uint32 _validatorId) external payable {
        uint256 amount = _requested[_megapool][_validatorId];
        require(amount != 0, "No funds requested");
        delete _requested[_megapool][_validatorId];
        MegapoolHarness(payable(_megapool)).assignFunds{value: msg.value}(_validatorId);
        emit FundsAssigned(_megapool, amount, block.timestamp);
    }

    /// @notice HARNESS ONLY: the outstanding requested amount in wei (0 when none).
    function getRequestedAmount(address _megapool, uint32 _validatorId) external view returns (uint256) {
        return _requested[_megapool][_validatorId];
    }
}
