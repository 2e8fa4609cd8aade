namespace Keeper.Actors.Membership;

/// <summary>
/// The cluster's membership table in the manner of Orleans' SQL membership table: each node writes its row when it
/// joins, heartbeats it, and members change statuses with versioned (optimistic) updates. Times come from the caller's
/// clock, never the database's. Implementations are safe for concurrent callers in several processes and hosts;
/// storage failures surface as <see cref="Persistence.StoreException"/>.
/// </summary>
public interface IMembershipStore
{
    /// <summary>
    /// Writes <paramref name="member"/>'s row with status <see cref="MemberStatus.Joining"/>, heartbeat
    /// <see cref="MemberInfo.Started"/> and version 1, and returns it.
    /// </summary>
    /// <exception cref="MembershipConflictException">The member id already has a row; nothing was written.</exception>
    Task<MemberRow> JoinAsync(MemberInfo member, CancellationToken cancellationToken);

    /// <summary>
    /// Records that <paramref name="memberId"/> is alive at <paramref name="now"/> (a heartbeat never moves the time
    /// backwards) and returns its row, or null when the member has no row (it left or was removed and must rejoin).
    /// Changes no version. A row declared <see cref="MemberStatus.Dead"/> is returned as such: that node must stop.
    /// </summary>
    Task<MemberRow?> HeartbeatAsync(string memberId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Removes <paramref name="memberId"/>'s row at once, so every reader stops counting it immediately; returns false when
    /// there was no row.
    /// </summary>
    Task<bool> LeaveAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Reads every row and the table version in one consistent read.</summary>
    Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="row"/>'s <see cref="MemberRow.Status"/> and <see cref="MemberRow.IAmAlive"/> if the stored
    /// row is still at <paramref name="expectedVersion"/>, and returns the row as stored (version + 1). As with heartbeats,
    /// the stored heartbeat time never moves backwards, so another member declaring this one dead does not erase its last
    /// heartbeat. The identity fields (signing address, host, started) are fixed at join and not changed.
    /// </summary>
    /// <exception cref="MembershipConflictException">The row is at another version, or gone; nothing was written.</exception>
    Task<MemberRow> UpdateAsync(MemberRow row, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the rows whose last heartbeat is before <paramref name="aliveBefore"/> (nodes that died without leaving),
    /// whatever their status, and returns how many were removed.
    /// </summary>
    Task<int> CleanupAsync(DateTimeOffset aliveBefore, CancellationToken cancellationToken);
}
