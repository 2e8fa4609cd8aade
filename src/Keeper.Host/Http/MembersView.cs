namespace Keeper.Host.Http;

/// <summary>The body of <c>GET /api/members</c>: the cluster as the submission gate sees it.</summary>
/// <param name="Self">This node's signing address.</param>
/// <param name="StoreReachable">Whether the shared store answers (if not, the node submits nothing).</param>
/// <param name="Members">The members in the gate's order.</param>
public sealed record MembersView(string Self, bool StoreReachable, IReadOnlyList<MemberView> Members);
