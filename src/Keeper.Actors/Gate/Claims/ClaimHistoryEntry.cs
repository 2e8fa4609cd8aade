namespace Keeper.Actors.Gate.Claims;

/// <summary>One claim as the cluster's history shows it: who claimed which window of which task, and what it cost.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="SentAt">When its member recorded the first transaction hash (sent); null if nothing was sent, or it was recorded before the time was kept.</param>
/// <param name="Receipt">The mined transaction's figures; null while not mined, and for claims closed before the figures were kept.</param>
public sealed record ClaimHistoryEntry(Claim Claim, DateTimeOffset? SentAt, ClaimReceipt? Receipt)
{
    /// <summary>When the action happened for a history: sent, else claimed.</summary>
    public DateTimeOffset Time => SentAt ?? Claim.Created;
}
