using Keeper.Chain.Primitives;

namespace Keeper.Actors.Gate;

/// <summary>The cluster's live members as the membership service sees them, and whether the shared store answers.</summary>
/// <param name="Members">The live members' signing addresses (any order; the gate orders them).</param>
/// <param name="StoreReachable">False when the shared store cannot be reached: the node keeps tracking but submits nothing.</param>
/// <param name="LiveMemberIds">The live members' ids, to tell a dead holder's stale claim from a live one's; null: unknown.</param>
public sealed record MembershipChanged(IReadOnlyList<Address> Members, bool StoreReachable, IReadOnlySet<string>? LiveMemberIds = null);

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
public sealed record GateStatus(IReadOnlyList<Address> Members, bool StoreReachable, IReadOnlyList<GateTaskView> Tasks, long TurnsHeld, long Claimed, long Succeeded);

/// <summary>One task as the gate sees it.</summary>
/// <param name="TaskKey">The task.</param>
/// <param name="DueAt">When it fell due.</param>
/// <param name="State">Waiting for our turn, or in flight.</param>
/// <param name="Window">The window of our claim while in flight.</param>
public sealed record GateTaskView(string TaskKey, ulong DueAt, string State, long? Window);
