using Keeper.Chain.Primitives;

namespace Keeper.Actors.Membership;

/// <summary>One member's row in the membership table, as read.</summary>
/// <param name="MemberId">The member's id (see <see cref="MemberInfo.MemberId"/>).</param>
/// <param name="SigningAddress">The member's signing account.</param>
/// <param name="Host">The host the member runs on.</param>
/// <param name="Started">When the member started.</param>
/// <param name="Status">The member's recorded status.</param>
/// <param name="IAmAlive">The member's latest heartbeat time, from its own clock.</param>
/// <param name="Version">
/// The row's version (etag): 1 at join, incremented by every <see cref="IMembershipStore.UpdateAsync"/>, not by
/// heartbeats. An update must name the version it read; if the row moved on, the update is rejected.
/// </param>
public sealed record MemberRow(
    string MemberId,
    Address SigningAddress,
    string Host,
    DateTimeOffset Started,
    MemberStatus Status,
    DateTimeOffset IAmAlive,
    long Version);
