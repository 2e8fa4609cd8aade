namespace Keeper.Host.Http;

/// <summary>One claim of the cluster's history (any member's), with what its transaction cost; a row of <c>keeper report</c>.</summary>
/// <param name="Time">When the action was sent (UTC), else when it was claimed.</param>
/// <param name="TaskKey">The task.</param>
/// <param name="Kind">The kind of action (<c>dissolve:megapool</c>, ...).</param>
/// <param name="Pool">The megapool or minipool.</param>
/// <param name="Window">The gate window the claim was for.</param>
/// <param name="Member">The member that claimed it.</param>
/// <param name="TxHash">Its transaction's hash, once sent.</param>
/// <param name="State">pending, mined, failed or abandoned.</param>
/// <param name="Created">When it was claimed (UTC).</param>
/// <param name="Updated">When it last changed (UTC).</param>
/// <param name="SentAt">When its transaction was sent (UTC), if recorded.</param>
/// <param name="Block">The block that included its transaction, once mined.</param>
/// <param name="GasUsed">The gas its transaction used, once mined.</param>
/// <param name="EffectiveGasPriceWei">The price per gas paid, in wei (decimal text), once mined.</param>
/// <param name="FeeWei">What it cost, in wei of its chain's coin (decimal text), once mined.</param>
/// <param name="FeeEth">What it cost, in whole coins of its chain (exact decimal text: ETH, or AVAX for GoGoPool), once mined.</param>
public sealed record HistoryEntryView(
    DateTimeOffset Time,
    string TaskKey,
    string Kind,
    string Pool,
    long Window,
    string Member,
    string? TxHash,
    string State,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    DateTimeOffset? SentAt,
    ulong? Block,
    ulong? GasUsed,
    string? EffectiveGasPriceWei,
    string? FeeWei,
    string? FeeEth)
{
    /// <summary>The coin the fee is paid in: ETH, or AVAX for GoGoPool's actions on the C-Chain.</summary>
    public string Currency { get; init; } = "ETH";
}
