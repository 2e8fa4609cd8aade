using Keeper.Chain.Primitives;

namespace Keeper.Actors.Submission;

/// <summary>
/// A node accepted a version of the transaction (or said it already had it, or that its nonce was already used:
/// "already submitted").
/// </summary>
/// <param name="Nonce">The nonce.</param>
/// <param name="Hash">The version accepted.</param>
/// <param name="At">
/// When the node accepted it (the actor system's scheduler clock); null in events journaled before the time was recorded.
/// </param>
public sealed record TransactionSent(ulong Nonce, Hash32 Hash, DateTimeOffset? At = null) : SubmissionEvent(Nonce);
