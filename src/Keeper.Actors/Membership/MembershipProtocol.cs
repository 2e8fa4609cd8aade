namespace Keeper.Actors.Membership;

/// <summary>Asks the agent to leave the cluster now (on shutdown); it replies <see cref="LeftCluster"/>.</summary>
public sealed record LeaveCluster
{
    /// <summary>The one instance.</summary>
    public static LeaveCluster Instance { get; } = new();
}

/// <summary>The agent left the cluster.</summary>
public sealed record LeftCluster
{
    /// <summary>The one instance.</summary>
    public static LeftCluster Instance { get; } = new();
}

/// <summary>Asks the agent for its current view; it replies with the last <see cref="Gate.MembershipChanged"/>.</summary>
public sealed record GetMembership
{
    /// <summary>The one instance.</summary>
    public static GetMembership Instance { get; } = new();
}
