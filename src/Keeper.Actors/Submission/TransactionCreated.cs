namespace Keeper.Actors.Submission;

/// <summary>A transaction was signed for a task and takes <see cref="SubmissionEvent.Nonce"/>; journaled before it is sent.</summary>
/// <param name="TaskKey">The task, or null for a bare self-transfer.</param>
/// <param name="Nonce">The nonce it takes.</param>
/// <param name="Version">The signed transaction.</param>
public sealed record TransactionCreated(string? TaskKey, ulong Nonce, TransactionVersion Version) : SubmissionEvent(Nonce);
