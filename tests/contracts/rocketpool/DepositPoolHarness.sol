// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {MegapoolHarness} from "./MegapoolHarness.sol";
import {MegapoolManagerHarness} from "./MegapoolManagerHarness.sol";
import {RocketStorageClientHarness} from "./RocketStorageClientHarness.sol";
import {RocketStorageHarness} from "./RocketStorageHarness.sol";

/// @notice Test stand-in for rocketDepositPool's megapool queue events and node operators' deposit credit. There is no
///         queue order, vault or rETH: a test assigns any outstanding request it chooses with `assign`. The real contract
///         keeps each operator's credit in RocketStorage under keccak256("node.deposit.credit.balance", node), which
///         RocketNodeDeposit.getNodeDepositCredit reads too; the harness keeps it here.
contract DepositPoolHarness is RocketStorageClientHarness {
    uint256 private constant MILLI_TO_WEI = 10 ** 15;

    event FundsRequested(address indexed receiver, uint256 validatorId, uint256 amount, bool expressQueue, uint256 time);
    event FundsAssigned(address indexed receiver, uint256 amount, uint256 time);

    /// @dev Requested wei per (megapool, validator id); zero when none is outstanding.
    mapping(address => mapping(uint32 => uint256)) private _requested;
    /// @dev Deposit credit in wei per node operator.
    mapping(address => uint256) private _nodeCredit;

    constructor(RocketStorageHarness _rocketStorage) RocketStorageClientHarness(_rocketStorage) {}

    /// @notice Same signature and argument checks as the real requestFunds; only megapools the factory
    ///         deployed may call it.
    function requestFunds(uint256 _bondAmount, uint32 _validatorId, uint256 _amount, bool _expressQueue)
        external
        onlyRegisteredMegapool
    {
        require(_bondAmount % MILLI_TO_WEI == 0, "Invalid supplied amount");
        require(_amount % MILLI_TO_WEI == 0, "Invalid requested amount");
        require(_requested[msg.sender][_validatorId] == 0, "Funds already requested");
        _requested[msg.sender][_validatorId] = _amount;
        emit FundsRequested(msg.sender, _validatorId, _amount, _expressQueue, block.timestamp);
    }

    /// @notice Same signature as the real exitQueue: only a registered megapool, for an outstanding request of its own
    ///         (a dequeued validator). No express tickets are refunded (the harness has none).
    function exitQueue(address, /* _nodeAddress */ uint32 _validatorId, bool /* _expressQueue */ ) external onlyRegisteredMegapool {
        require(_requested[msg.sender][_validatorId] != 0, "No funds requested");
        delete _requested[msg.sender][_validatorId];
    }

    /// @notice Same signature and caller rule as the real applyCredit: a registered megapool adds to its operator's credit.
    function applyCredit(address _nodeAddress, uint256 _amount) external onlyRegisteredMegapool {
        _nodeCredit[_nodeAddress] += _amount;
    }

    /// @notice Same signature as the real getNodeCreditBalance: the operator's deposit credit in wei.
    function getNodeCreditBalance(address _nodeAddress) external view returns (uint256) {
        return _nodeCredit[_nodeAddress];
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

    modifier onlyRegisteredMegapool() {
        require(
            MegapoolManagerHarness(_contractAddress("rocketMegapoolManager")).getMegapoolRegistered(msg.sender),
            "Invalid megapool"
        );
        _;
    }
}
