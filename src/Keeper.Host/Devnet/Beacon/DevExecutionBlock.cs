using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.Beacon;

/// <summary>The anvil block whose arrival produced a beacon block: what that block's execution payload names.</summary>
/// <param name="Number">The block number.</param>
/// <param name="Hash">The block hash.</param>
/// <param name="ParentHash">Its parent's hash.</param>
/// <param name="Timestamp">Its timestamp, which decides the beacon slot.</param>
public sealed record DevExecutionBlock(ulong Number, Hash32 Hash, Hash32 ParentHash, ulong Timestamp);
