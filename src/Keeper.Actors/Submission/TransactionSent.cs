using Keeper.Chain.Primitives;

namespace Keeper.Actors.Submission;

/// <summary>
/// A node accepted a version of the transaction (or said it already had it, or that its nonce was already used:
/// "already submitted").
/// </summary>
/// <param name="Nonce">The nonce.</param>
/// <param name="Hash">The version accepted.</param>
public sealed record TransactionSent(ulong Nonce, Hash32 Hash) : SubmissionEvent(Nonce);
