namespace Keeper.Actors.Gate.Claims;

/// <summary>What <see cref="IClaimStore.TryClaimAsync"/> decided.</summary>
public enum ClaimOutcome
{
    /// <summary>The claim was stored; the caller holds the window.</summary>
    Claimed,

    /// <summary>The (task, window) already has a claim (possibly the caller's own, from an attempt whose answer was lost).</summary>
    WindowTaken,

    /// <summary>Another window's claim of the task is still pending; wait for it to be mined, fail or be abandoned.</summary>
    PendingElsewhere,
}
