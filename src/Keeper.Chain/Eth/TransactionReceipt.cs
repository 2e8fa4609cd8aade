using System.Numerics;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Eth;

/// <summary>A mined transaction's receipt.</summary>
/// <param name="TransactionHash">The transaction's hash.</param>
/// <param name="BlockNumber">The block that includes it.</param>
/// <param name="BlockHash">That block's hash (changes if a reorg moves the transaction).</param>
/// <param name="TransactionIndex">Its position in the block.</param>
/// <param name="From">The sender.</param>
/// <param name="To">The recipient, or null for a contract creation.</param>
/// <param name="ContractAddress">The created contract, for a contract creation.</param>
/// <param name="Succeeded">True when the status is 1; false when the transaction reverted.</param>
/// <param name="GasUsed">The gas it used.</param>
/// <param name="EffectiveGasPrice">The price per gas actually paid.</param>
/// <param name="Logs">The logs it emitted.</param>
public sealed record TransactionReceipt(
    Hash32 TransactionHash,
    ulong BlockNumber,
    Hash32 BlockHash,
    ulong TransactionIndex,
    Address From,
    Address? To,
    Address? ContractAddress,
    bool Succeeded,
    ulong GasUsed,
    BigInteger EffectiveGasPrice,
    IReadOnlyList<LogEntry> Logs)
{
    /// <summary>The fee paid in wei: gas used times the effective gas price.</summary>
    public BigInteger Fee => GasUsed * EffectiveGasPrice;
}
