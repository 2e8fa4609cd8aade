namespace Keeper.Actors.Submission;

/// <summary>
/// A journaled step in the life of one of the submitter's transactions, keyed by its nonce. The journal is written before
/// the step takes effect on the network, so a restart replays it and never re-creates a transaction with a new nonce.
/// </summary>
/// <param name="Nonce">The transaction's nonce.</param>
public abstract record SubmissionEvent(ulong Nonce);
