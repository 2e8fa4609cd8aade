namespace Keeper.Actors.Submission;

/// <summary>
/// A new version with the same nonce and fees bumped by at least 12.5% was signed (a fee bump, or a cancellation);
/// journaled before it is sent. Earlier versions stay candidates: any of them may be the one mined.
/// </summary>
/// <param name="Nonce">The nonce.</param>
/// <param name="Version">The new version.</param>
public sealed record TransactionReplaced(ulong Nonce, TransactionVersion Version) : SubmissionEvent(Nonce);
