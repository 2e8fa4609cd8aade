using System.Numerics;

namespace Keeper.Chain.Eth;

/// <summary>The answer of <c>eth_feeHistory</c>.</summary>
/// <param name="OldestBlock">The first block of the range.</param>
/// <param name="BaseFeePerGas">The base fee of each block in the range plus the next block's, so one more than the block count.</param>
/// <param name="GasUsedRatio">Each block's gas used divided by its gas limit.</param>
/// <param name="Rewards">For each block, the priority fee at each requested percentile.</param>
public sealed record FeeHistory(
    ulong OldestBlock,
    IReadOnlyList<BigInteger> BaseFeePerGas,
    IReadOnlyList<double> GasUsedRatio,
    IReadOnlyList<IReadOnlyList<BigInteger>> Rewards)
{
    /// <summary>The base fee of the block after the range: the next block's when the range ends at the head.</summary>
    public BigInteger NextBaseFee => BaseFeePerGas[^1];
}
