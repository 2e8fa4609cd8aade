using Keeper.Chain.Primitives;

namespace Keeper.Chain.Logs;

/// <summary>An event log as returned by <c>eth_getLogs</c> or in a receipt.</summary>
/// <param name="Address">The contract that emitted the log.</param>
/// <param name="Topics">Topic 0 (the event signature hash, unless anonymous) and the indexed arguments.</param>
/// <param name="Data">The ABI-encoded non-indexed arguments.</param>
/// <param name="BlockNumber">The block that holds the log.</param>
/// <param name="BlockHash">The hash of that block.</param>
/// <param name="TransactionHash">The transaction that emitted the log.</param>
/// <param name="TransactionIndex">The transaction's position in the block.</param>
/// <param name="LogIndex">The log's position in the block.</param>
/// <param name="Removed">True when the log was removed by a reorg.</param>
public sealed record LogEntry(
    Address Address,
    IReadOnlyList<Hash32> Topics,
    byte[] Data,
    ulong BlockNumber,
    Hash32 BlockHash,
    Hash32 TransactionHash,
    ulong TransactionIndex,
    ulong LogIndex,
    bool Removed);
