// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {RocketStorageClientHarness} from "./RocketStorageClientHarness.sol";
import {RocketStorageHarness} from "./RocketStorageHarness.sol";

/// @notice Test stand-in for rocketDAOProtocolProposal: a protocol DAO proposal that has passed runs its payload and the
///         contract logs ProposalExecuted, with the real event signature and indexed fields. Voting, phases and the
///         proposal bond are not modelled: the guardian executes a payload at once, which is all a keeper observes.
contract DAOProtocolProposalHarness is RocketStorageClientHarness {
    event ProposalExecuted(uint256 indexed proposalID, address indexed executor, uint256 time);

    uint256 private _total;

    constructor(RocketStorageHarness _rocketStorage) RocketStorageClientHarness(_rocketStorage) {}

    /// @notice Same signature as the real getter: how many proposals exist.
    function getTotal() external view returns (uint256) {
        return _total;
    }

    /// @notice HARNESS ONLY: runs `_payload` on `_target` as an executed proposal would, then logs ProposalExecuted.
    ///         A failing payload reverts with the target's reason, as the real execute does.
    function executeProposal(address _target, bytes calldata _payload) external onlyGuardian returns (uint256 proposalID) {
        proposalID = ++_total;
        (bool success, bytes memory response) = _target.call(_payload);
        if (!success) {
            assembly {
                revert(add(response, 32), mload(response))
            }
        }
        emit ProposalExecuted(proposalID, tx.origin, block.timestamp);
    }
}
