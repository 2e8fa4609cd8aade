namespace Keeper.Actors.Gate.Claims;

/// <summary>Where a claim's transaction is.</summary>
public enum ClaimState
{
    /// <summary>The holder claimed its window and is sending (or has sent) the transaction; nobody else may claim the task.</summary>
    Pending,

    /// <summary>
    /// The transaction was mined (successfully or not; the chain says which) and has its confirmations. Final, except that
    /// a reorg may re-open it for its member while <see cref="Claim.FenceUntil"/> lasts.
    /// </summary>
    Mined,

    /// <summary>The transaction could not be sent or was dropped; a later window's holder may claim the task. Final.</summary>
    Failed,

    /// <summary>The holder gave up (the action was done by someone else, or the holder stopped). Final.</summary>
    Abandoned,
}
