using System.Numerics;
using Keeper.Chain.Primitives;

namespace Keeper.Actors.Submission;

/// <summary>A version of the transaction was mined in a canonical block and has the configured confirmations.</summary>
/// <param name="Nonce">The nonce.</param>
/// <param name="Hash">The version that was mined.</param>
/// <param name="Block">The block number.</param>
/// <param name="BlockHash">The block hash (a reorg that replaces the block undoes this event).</param>
/// <param name="Succeeded">False when it reverted.</param>
/// <param name="GasUsed">The gas it used.</param>
/// <param name="Fee">What it cost, in wei.</param>
public sealed record TransactionMined(ulong Nonce, Hash32 Hash, ulong Block, Hash32 BlockHash, bool Succeeded, ulong GasUsed, BigInteger Fee)
    : SubmissionEvent(Nonce);
