namespace Keeper.Host.Http;

/// <summary>The body of <c>GET /api/members</c>: the keeper members of the cluster and the gate's order of those taking turns.</summary>
/// <param name="Self">This node's signing address.</param>
/// <param name="SelfNode">This node's cluster address (<c>akka.tcp://keeper@host:port</c>).</param>
/// <param name="StoreReachable">Whether the shared store answers (if not, the node submits nothing).</param>
/// <param name="Members">The keeper members, those taking turns first in the gate's order, then the others (unreachable, leaving…).</param>
/// <param name="NextTurn">The earliest due task the gate holds and whose turn it is; null when none is due.</param>
public sealed record MembersView(string Self, string SelfNode, bool StoreReachable, IReadOnlyList<MemberView> Members, NextTurnView? NextTurn);
