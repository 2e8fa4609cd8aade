namespace Keeper.Actors.Membership;

/// <summary>The whole membership table as read at one instant.</summary>
/// <param name="Members">Every row, ordered by member id (ordinal).</param>
/// <param name="TableVersion">
/// Incremented by every membership change (join, update, leave, cleanup) in the same transaction as the change, never
/// by heartbeats: two reads with the same table version saw the same members and statuses.
/// </param>
public sealed record MembershipSnapshot(IReadOnlyList<MemberRow> Members, long TableVersion);
