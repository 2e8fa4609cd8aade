namespace Keeper.Actors.Submission;

/// <summary>The transaction will never be mined.</summary>
/// <param name="Nonce">The nonce.</param>
/// <param name="Reason">Why (the node's rejection, or "nonce used by another transaction").</param>
/// <param name="NonceReleased">
/// True when the node certainly does not hold any version and the nonce was the highest in use, so the next transaction
/// reuses it; false when the nonce stays consumed (another transaction of the account took it).
/// </param>
public sealed record TransactionDropped(ulong Nonce, string Reason, bool NonceReleased) : SubmissionEvent(Nonce);
