namespace Keeper.Actors.Membership;

/// <summary>Where a member is in its life, as recorded in the membership table.</summary>
public enum MemberStatus
{
    /// <summary>The row exists but the node is not ready to take turns yet.</summary>
    Joining,

    /// <summary>The node takes turns at the gate (while its heartbeat is fresh).</summary>
    Active,

    /// <summary>The node is stopping: it finishes what it sent but takes no new turns.</summary>
    ShuttingDown,

    /// <summary>Declared dead (by itself or another member); it must not act again under this member id.</summary>
    Dead,
}
