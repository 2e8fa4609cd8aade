using System.Numerics;
using Keeper.Chain.Fees;

namespace Keeper.Actors.Submission;

/// <summary>
/// Fees for a replacement (same nonce): nodes accept a replacement only when both fee fields rise by a minimum
/// (geth: 10%); this rule raises each by at least 12.5% plus 1 wei, or to the current market price if that is higher,
/// and never signs above the cap.
/// </summary>
public static class FeeBump
{
    /// <summary><c>ceil(fee * 1125 / 1000) + 1</c>: strictly more than 12.5% above <paramref name="fee"/>, whatever rounding a node applies.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The fee is negative.</exception>
    public static BigInteger Bump(BigInteger fee)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fee);
        return ((fee * 1125) + 999) / 1000 + 1;
    }

    /// <summary>
    /// The fees for the next version of a transaction now priced at <paramref name="maxFeePerGas"/> and
    /// <paramref name="maxPriorityFeePerGas"/>: each bumped, raised to <paramref name="market"/> when that is within the cap
    /// and higher. <see cref="BumpedFees.WithinCap"/> is false when the bumped fee cap would exceed <paramref name="cap"/>:
    /// the transaction must keep waiting at its current fees.
    /// </summary>
    public static BumpedFees Next(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, FeeQuote? market, BigInteger cap)
    {
        var maxFee = Bump(maxFeePerGas);
        var tip = Bump(maxPriorityFeePerGas);
        if (market is { WithinCap: true })
        {
            maxFee = BigInteger.Max(maxFee, market.MaxFeePerGas);
            tip = BigInteger.Max(tip, market.MaxPriorityFeePerGas);
        }

        // The tip never exceeds the fee cap: the old tip was at most the old cap and Bump is monotonic, and the market
        // quote's tip is at most its own cap.
        return new BumpedFees(maxFee, tip, maxFee <= cap);
    }
}
