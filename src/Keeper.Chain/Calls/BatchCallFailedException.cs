using Keeper.Chain.Primitives;
using Keeper.Chain.Rpc;

namespace Keeper.Chain.Calls;

/// <summary>One call of a batch failed (reverted, or the node refused it).</summary>
public sealed class BatchCallFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BatchCallFailedException(int index, byte[] revertData, JsonRpcNodeException? nodeError)
        : base($"Call {index} of the batch failed: {nodeError?.NodeMessage ?? "reverted"} (revert data {Hex.Encode(revertData)}).", nodeError)
    {
        Index = index;
        RevertData = revertData;
    }

    /// <summary>The call's position in the batch.</summary>
    public int Index { get; }

    /// <summary>The revert data, possibly empty.</summary>
    public byte[] RevertData { get; }
}
