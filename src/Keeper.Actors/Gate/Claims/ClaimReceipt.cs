using System.Numerics;

namespace Keeper.Actors.Gate.Claims;

/// <summary>What a claim's transaction cost once mined, from its receipt: kept with the claim for the cluster's history.</summary>
/// <param name="Block">The block that included it.</param>
/// <param name="GasUsed">The gas it used.</param>
/// <param name="EffectiveGasPrice">The price per gas it paid, in wei.</param>
public sealed record ClaimReceipt(ulong Block, ulong GasUsed, BigInteger EffectiveGasPrice)
{
    /// <summary>What it cost in wei: gas used times the effective gas price.</summary>
    public BigInteger Fee => GasUsed * EffectiveGasPrice;
}
