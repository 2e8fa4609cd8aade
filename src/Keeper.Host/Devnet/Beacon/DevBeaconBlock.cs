using System.Collections.Immutable;
using Keeper.Chain.Primitives;

namespace Keeper.Host.Devnet.Beacon;

/// <summary>
/// The compact record of one produced beacon block, from which its SSZ block and the state after it are regenerated on
/// request: its header fields and roots, its serialized body (small: an execution payload with a few withdrawals), and
/// the validator registry after it (shared with the blocks before it until something changes).
/// </summary>
/// <param name="Slot">The block's slot.</param>
/// <param name="ProposerIndex">The proposer's validator index.</param>
/// <param name="ParentRoot">The previous block's root (zero for the genesis block).</param>
/// <param name="StateRoot">hash_tree_root of the state after the block.</param>
/// <param name="BodyRoot">hash_tree_root of the body.</param>
/// <param name="Root">The block root: hash_tree_root of the BeaconBlock, which equals that of its header.</param>
/// <param name="Body">The serialized BeaconBlockBody.</param>
/// <param name="Validators">The registry after the block, by index.</param>
/// <param name="Withdrawals">The withdrawals its execution payload carries, in order.</param>
/// <param name="NextWithdrawalIndex">The global index the next withdrawal will take.</param>
/// <param name="ExecutionBlockNumber">The anvil block whose arrival produced it.</param>
/// <param name="ExecutionBlockHash">That block's hash.</param>
public sealed record DevBeaconBlock(
    ulong Slot,
    ulong ProposerIndex,
    Hash32 ParentRoot,
    Hash32 StateRoot,
    Hash32 BodyRoot,
    Hash32 Root,
    byte[] Body,
    ImmutableArray<DevValidator> Validators,
    ImmutableArray<DevWithdrawal> Withdrawals,
    ulong NextWithdrawalIndex,
    ulong ExecutionBlockNumber,
    Hash32 ExecutionBlockHash);
