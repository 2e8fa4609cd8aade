namespace Keeper.Host.Http;

/// <summary><c>/api/history</c>: every member's claims in a time range, oldest first, with their cost.</summary>
/// <param name="Since">The start of the range (UTC, inclusive).</param>
/// <param name="Until">The end of the range (UTC, exclusive), or null for none.</param>
/// <param name="Limit">The most entries returned; <paramref name="Truncated"/> says whether more exist.</param>
/// <param name="Truncated">True when the range holds more entries than <paramref name="Limit"/>.</param>
/// <param name="FeeWei">The sum of the fees of the entries shown that were paid in ETH, in wei (decimal text).</param>
/// <param name="FeeEth">The same sum in ether (exact decimal text).</param>
/// <param name="Entries">The entries.</param>
public sealed record HistoryView(
    DateTimeOffset Since, DateTimeOffset? Until, int Limit, bool Truncated, string FeeWei, string FeeEth, IReadOnlyList<HistoryEntryView> Entries)
{
    /// <summary>The sum of the fees of GoGoPool's entries shown, paid in AVAX, in wei (decimal text).</summary>
    public string FeeAvaxWei { get; init; } = "0";

    /// <summary>The same sum in AVAX (exact decimal text).</summary>
    public string FeeAvax { get; init; } = "0";
}
