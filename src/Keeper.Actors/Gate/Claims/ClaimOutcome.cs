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

    /// <summary>
    /// A successful mined claim of the task is still inside its member's reorg watch (<see cref="Claim.FenceUntil"/> not
    /// yet passed by the caller's head): a reorg may still undo it, and a node that keeps the reorged transaction in its
    /// mempool may mine it again, so only that member acts (it re-opens its claim). Wait for the fence to pass.
    /// </summary>
    ReorgFenced,
}
