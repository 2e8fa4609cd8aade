using Keeper.Chain.Rpc;

namespace Keeper.Chain.Calls;

/// <summary>The outcome of one read in a batch: return data, or a failure with its revert data.</summary>
/// <param name="Success">True when the call returned.</param>
/// <param name="ReturnData">The return data, or on failure the revert data (possibly empty).</param>
/// <param name="Error">The node's error for a failed call in a JSON-RPC batch; null for Multicall3 failures and successes.</param>
public sealed record CallResult(bool Success, byte[] ReturnData, JsonRpcNodeException? Error)
{
    /// <summary>Returns the return data, or throws for a failed call.</summary>
    /// <exception cref="BatchCallFailedException">The call failed.</exception>
    public byte[] GetReturnDataOrThrow(int index) =>
        Success ? ReturnData : throw new BatchCallFailedException(index, ReturnData, Error);
}
