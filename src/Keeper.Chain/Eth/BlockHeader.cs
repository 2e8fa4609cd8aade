using System.Numerics;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Eth;

/// <summary>The parts of a block header the keeper uses.</summary>
/// <param name="Number">The block number.</param>
/// <param name="Hash">The block hash.</param>
/// <param name="ParentHash">The parent block's hash.</param>
/// <param name="Timestamp">The block's timestamp, seconds since the Unix epoch: the time contracts see.</param>
/// <param name="BaseFeePerGas">The EIP-1559 base fee, or null before London.</param>
/// <param name="GasLimit">The block gas limit.</param>
/// <param name="GasUsed">The gas used by the block's transactions.</param>
/// <param name="LogsBloom">The 256-byte bloom of the block's logs, when the node sent it.</param>
public sealed record BlockHeader(
    ulong Number,
    Hash32 Hash,
    Hash32 ParentHash,
    ulong Timestamp,
    BigInteger? BaseFeePerGas,
    ulong GasLimit,
    ulong GasUsed,
    byte[]? LogsBloom = null);
