using Keeper.Chain.Primitives;

namespace Keeper.Actors.Membership;

/// <summary>Who a member is: what a node writes when it joins. Fixed for the member's life.</summary>
/// <param name="MemberId">
/// Unique per run of a node, e.g. <c>keeper-a@host1:638712345678900000</c> (a start time in it, like Orleans' generation,
/// makes a restarted node a new member). Not empty; at most 200 characters.
/// </param>
/// <param name="SigningAddress">The account the node signs with; the gate orders members by it (lowercase hex).</param>
/// <param name="Host">The host name the node runs on, for operators. Not empty; at most 200 characters.</param>
/// <param name="Started">When the node started (UTC, from the node's clock); also its first heartbeat.</param>
public sealed record MemberInfo(string MemberId, Address SigningAddress, string Host, DateTimeOffset Started);
