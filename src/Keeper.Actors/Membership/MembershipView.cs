namespace Keeper.Actors.Membership;

/// <summary>The gate's view of the membership table: pure functions over rows read from the store.</summary>
public static class MembershipView
{
    /// <summary>
    /// The members that take turns at <paramref name="now"/>: status <see cref="MemberStatus.Active"/> and a heartbeat
    /// no older than <paramref name="suspicionTimeout"/> (a heartbeat ahead of <paramref name="now"/>, from a clock that
    /// runs ahead, counts as fresh), ordered by signing address (lowercase hex, i.e. by bytes). Each signing address
    /// appears once: when a node restarted under a new member id before its old row expired, the row with the latest
    /// heartbeat stands for the address, so the account does not get two turns.
    /// </summary>
    public static IReadOnlyList<MemberRow> LiveMembers(IEnumerable<MemberRow> rows, DateTimeOffset now, TimeSpan suspicionTimeout)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(suspicionTimeout, TimeSpan.Zero);
        return rows
            .Where(row => row.Status == MemberStatus.Active && now - row.IAmAlive <= suspicionTimeout)
            .GroupBy(row => row.SigningAddress)
            .Select(sameAddress => sameAddress
                .OrderByDescending(row => row.IAmAlive)
                .ThenBy(row => row.MemberId, StringComparer.Ordinal)
                .First())
            .OrderBy(row => row.SigningAddress)
            .ToArray();
    }
}
