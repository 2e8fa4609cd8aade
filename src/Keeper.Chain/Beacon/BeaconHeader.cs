using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon;

/// <summary>A beacon block header, from <c>GET /eth/v1/beacon/headers/{block_id}</c>.</summary>
/// <param name="Root">The block root.</param>
/// <param name="Slot">The block's slot.</param>
/// <param name="ProposerIndex">The proposer's validator index.</param>
/// <param name="ParentRoot">The parent block root.</param>
/// <param name="StateRoot">The post-state root.</param>
/// <param name="BodyRoot">The block body root.</param>
/// <param name="Canonical">Whether the block is on the node's canonical chain.</param>
/// <param name="ExecutionOptimistic">Whether the node has not verified the block's execution payload yet.</param>
/// <param name="Finalized">Whether the block is finalized; null when the node did not say.</param>
public sealed record BeaconHeader(
    Hash32 Root,
    ulong Slot,
    ulong ProposerIndex,
    Hash32 ParentRoot,
    Hash32 StateRoot,
    Hash32 BodyRoot,
    bool Canonical,
    bool ExecutionOptimistic,
    bool? Finalized);
