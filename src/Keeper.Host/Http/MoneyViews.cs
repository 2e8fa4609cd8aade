using System.Globalization;
using System.Numerics;
using Keeper.Actors.Gate.Claims;
using Keeper.Actors.Submission;
using Keeper.Actors.Tracking;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Http;

/// <summary>The signer's balance and the cluster's history of actions as the API, and <c>keeper report</c>, show them.</summary>
public static class MoneyViews
{
    /// <summary>The balance view.</summary>
    public static SignerBalanceView Balance(SignerBalance balance)
    {
        ArgumentNullException.ThrowIfNull(balance);
        return new SignerBalanceView(
            balance.Account.ToString(),
            balance.State.ToString(),
            balance.Wei?.ToString(CultureInfo.InvariantCulture),
            balance.Eth,
            balance.Block,
            balance.ReadAt,
            balance.FloorWei.ToString(CultureInfo.InvariantCulture),
            Ether.Format(balance.FloorWei),
            balance.NotReadyReason());
    }

    /// <summary>One history entry.</summary>
    public static HistoryEntryView Entry(ClaimHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var claim = entry.Claim;
        var receipt = entry.Receipt;
        return new HistoryEntryView(
            entry.Time,
            claim.TaskKey,
            TaskKeys.KindOf(claim.TaskKey),
            TaskKeys.PoolOf(claim.TaskKey),
            claim.Window,
            claim.MemberId,
            claim.TxHash?.ToString(),
            claim.State.ToString().ToLowerInvariant(),
            claim.Created,
            claim.Updated,
            entry.SentAt,
            receipt?.Block,
            receipt?.GasUsed,
            receipt?.EffectiveGasPrice.ToString(CultureInfo.InvariantCulture),
            receipt?.Fee.ToString(CultureInfo.InvariantCulture),
            receipt is null ? null : Ether.Format(receipt.Fee))
        {
            Currency = TaskKeys.IsGoGoPool(claim.TaskKey) ? "AVAX" : "ETH",
        };
    }

    /// <summary>
    /// The history view of <paramref name="entries"/>, read with <paramref name="limit"/> + 1 so that one more than the
    /// limit says the range holds more.
    /// </summary>
    public static HistoryView History(DateTimeOffset since, DateTimeOffset? until, int limit, IReadOnlyList<ClaimHistoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var shown = entries.Take(limit).ToArray();
        // Each chain's fees in its own coin: ETH on Rocket Pool's, AVAX on GoGoPool's.
        BigInteger Fees(bool goGoPool) => shown.Where(e => TaskKeys.IsGoGoPool(e.Claim.TaskKey) == goGoPool).Aggregate(BigInteger.Zero, (sum, e) => sum + (e.Receipt?.Fee ?? BigInteger.Zero));
        var fee = Fees(goGoPool: false);
        var avax = Fees(goGoPool: true);
        return new HistoryView(since, until, limit, entries.Count > limit, fee.ToString(CultureInfo.InvariantCulture), Ether.Format(fee), shown.Select(Entry).ToArray())
        {
            FeeAvaxWei = avax.ToString(CultureInfo.InvariantCulture),
            FeeAvax = Ether.Format(avax),
        };
    }
}
