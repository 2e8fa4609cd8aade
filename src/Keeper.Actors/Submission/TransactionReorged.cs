using Keeper.Chain.Primitives;

namespace Keeper.Actors.Submission;

/// <summary>A reorg undid the block that mined the transaction: it is pending again and is re-broadcast.</summary>
/// <param name="Nonce">The nonce.</param>
/// <param name="Hash">The version that had been mined.</param>
/// <param name="Block">The block number it had been mined in.</param>
public sealed record TransactionReorged(ulong Nonce, Hash32 Hash, ulong Block) : SubmissionEvent(Nonce);
