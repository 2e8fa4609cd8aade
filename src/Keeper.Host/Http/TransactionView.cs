namespace Keeper.Host.Http;

/// <summary>One of this node's transactions (the latest of its fee bumps).</summary>
/// <param name="TaskKey">The task, or null for a bare self-transfer.</param>
/// <param name="Nonce">Its nonce.</param>
/// <param name="Hash">The hash of the version last sent.</param>
/// <param name="State">Created, Pending, Succeeded, Reverted, Cancelled or Dropped.</param>
/// <param name="MaxFeePerGasWei">Its fee cap, in wei.</param>
/// <param name="MaxPriorityFeePerGasWei">Its tip, in wei.</param>
/// <param name="Block">The block that included it, once mined.</param>
/// <param name="GasUsed">The gas it used, once mined.</param>
/// <param name="Replacements">How many times its fees were bumped.</param>
public sealed record TransactionView(
    string? TaskKey, ulong Nonce, string Hash, string State, string MaxFeePerGasWei, string MaxPriorityFeePerGasWei, ulong? Block, ulong? GasUsed, int Replacements)
{
    /// <summary>The price per gas it paid, in wei (decimal text), once mined.</summary>
    public string? EffectiveGasPriceWei { get; init; }

    /// <summary>What it cost, in wei (decimal text), once mined.</summary>
    public string? FeeWei { get; init; }

    /// <summary>What it cost, in ether (exact decimal text), once mined.</summary>
    public string? FeeEth { get; init; }

    /// <summary>When a node first accepted it (UTC); null when the journal does not say.</summary>
    public DateTimeOffset? SentAt { get; init; }
}
