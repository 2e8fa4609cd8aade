// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice Our Multicall3-compatible batch reader: the aggregate3 entry point only, same ABI.
contract Aggregate3 {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    error CallFailed(uint256 index, bytes returnData);

    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory returnData) {
        uint256 length = calls.length;
        returnData = new Result[](length);
        for (uint256 i = 0; i < length; i++) {
            Call3 calldata call = calls[i];
            (bool success, bytes memory data) = call.target.call(call.callData);
            if (!success && !call.allowFailure) {
                revert CallFailed(i, data);
            }
            returnData[i] = Result(success, data);
        }
    }
}
