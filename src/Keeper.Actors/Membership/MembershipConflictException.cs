namespace Keeper.Actors.Membership;

/// <summary>
/// Thrown when a versioned membership write finds the row not as the writer expected: another writer updated it first
/// (or removed it), or a join finds the member id taken. Nothing was written. Re-read the table and decide again.
/// </summary>
public sealed class MembershipConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="memberId">The member whose row was written.</param>
    /// <param name="expectedVersion">The version the writer expected (0: no row, for a join).</param>
    /// <param name="current">The row as it is now; null when there is none.</param>
    public MembershipConflictException(string memberId, long expectedVersion, MemberRow? current)
        : base(Describe(memberId, expectedVersion, current))
    {
        MemberId = memberId;
        ExpectedVersion = expectedVersion;
        Current = current;
    }

    /// <summary>The member whose row was written.</summary>
    public string MemberId { get; }

    /// <summary>The version the writer expected; 0 for a join (no row expected).</summary>
    public long ExpectedVersion { get; }

    /// <summary>The row as it is now, or null when the member has no row (it left or was removed).</summary>
    public MemberRow? Current { get; }

    private static string Describe(string memberId, long expectedVersion, MemberRow? current) => (expectedVersion, current) switch
    {
        (0, { } row) => $"Member '{memberId}' already has a row (version {row.Version}, {row.Status}); a joining node needs a member id of its own, "
            + "e.g. with its start time in it.",
        (_, null) => $"Member '{memberId}' has no row (it left or was removed), so the update expecting version {expectedVersion} was rejected. "
            + "A node that finds itself removed must rejoin under a new member id.",
        (_, { } row) => $"Member '{memberId}' is at version {row.Version} ({row.Status}), not the expected {expectedVersion}: another writer "
            + "updated it first. Nothing was written; re-read the table and decide again.",
    };
}
