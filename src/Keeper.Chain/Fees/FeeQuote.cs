using System.Numerics;

namespace Keeper.Chain.Fees;

/// <summary>A priced EIP-1559 fee pair, or the reason the cap forbids sending now.</summary>
/// <param name="NextBaseFeePerGas">The base fee of the next block.</param>
/// <param name="MaxPriorityFeePerGas">The tip offered.</param>
/// <param name="MaxFeePerGas">The most paid per gas; never above the cap.</param>
/// <param name="WithinCap">False when even the next block's base fee plus the tip exceeds the cap: do not send.</param>
/// <param name="Reason">Why the quote is not within the cap; null when it is.</param>
public sealed record FeeQuote(
    BigInteger NextBaseFeePerGas,
    BigInteger MaxPriorityFeePerGas,
    BigInteger MaxFeePerGas,
    bool WithinCap,
    string? Reason);
