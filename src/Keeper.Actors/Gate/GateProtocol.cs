using Keeper.Chain.Primitives;

namespace Keeper.Actors.Gate;

/// <summary>The cluster's members that take turns as Akka.Cluster shows them, and whether the shared store answers.</summary>
/// <param name="Members">The signing addresses of the members taking turns (any order; the gate orders them).</param>
/// <param name="StoreReachable">False when the shared store cannot be reached: the node keeps tracking but submits nothing.</param>
/// <param name="LiveMemberIds">The ids of members not downed or removed, to tell a dead holder's stale claim from a live one's; null: unknown.</param>
/// <param name="SelfUp">False while this node is not an Up member (joining, leaving, downed): it takes no new turns.</param>
public sealed record MembershipChanged(IReadOnlyList<Address> Members, bool StoreReachable, IReadOnlySet<string>? LiveMemberIds = null, bool SelfUp = true);

/// <summary>Asks the gate for its tasks and counters; it replies <see cref="GateStatus"/>.</summary>
public sealed record GetGateStatus
{
    /// <summary>The one instance.</summary>
    public static GetGateStatus Instance { get; } = new();
}

/// <summary>The gate's view.</summary>
/// <param name="Members">The members, ordered.</param>
/// <param name="StoreReachable">Whether the shared store answers.</param>
/// <param name="Tasks">The due tasks it holds.</param>
/// <param name="TurnsHeld">How many windows this node held.</param>
/// <param name="Claimed">How many claims it won.</param>
/// <param name="Succeeded">How many of its transactions succeeded.</param>
public sealed record GateStatus(IReadOnlyList<Address> Members, bool StoreReachable, IReadOnlyList<GateTaskView> Tasks, long TurnsHeld, long Claimed, long Succeeded)
{
    /// <summary>Actions the submitter did not send, by <see cref="Submission.NotSentReason"/> (already pending excluded: that is no failure).</summary>
    public IReadOnlyDictionary<string, long> NotSent { get; init; } = new Dictionary<string, long>();
}

/// <summary>One task as the gate sees it.</summary>
/// <param name="TaskKey">The task.</param>
/// <param name="DueAt">When it fell due.</param>
/// <param name="State">Waiting for our turn, or in flight.</param>
/// <param name="Window">The window of our claim while in flight.</param>
/// <param name="Holder">Whose turn it is at the next block's time (in this node's view); null before the task is due.</param>
public sealed record GateTaskView(string TaskKey, ulong DueAt, string State, long? Window, Address? Holder = null);
