using Keeper.Chain.Contracts.GoGoPool;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Watching.GoGoPool;

/// <summary>
/// What an <see cref="IGoGoPoolWatcher"/> reports about one GoGoPool deployment on its own chain (Avalanche's C-Chain),
/// in chain order. Reads are the authoritative state at their block.
/// </summary>
/// <param name="Block">The block the event belongs to.</param>
public abstract record GoGoPoolEvent(BlockRef Block);

/// <summary>The ProtocolDAO settings, read at start, every refresh interval and after a reorg.</summary>
/// <param name="Block">The block read at.</param>
/// <param name="Settings">The settings.</param>
public sealed record GoGoSettingsRead(BlockRef Block, GoGoPoolSettings Settings) : GoGoPoolEvent(Block);

/// <summary>The RewardsPool's cycle, read at start, in every block that started a cycle, and after a reorg.</summary>
/// <param name="Block">The block read at.</param>
/// <param name="RewardsPool">The RewardsPool's address (resolved from Storage).</param>
/// <param name="Cycle">The cycle's state at <paramref name="Block"/>.</param>
public sealed record GoGoRewardsCycleRead(BlockRef Block, Address RewardsPool, RewardsCycle Cycle) : GoGoPoolEvent(Block);

/// <summary>
/// A minipool's record as read at <paramref name="Block"/>: every minipool at the cold start, then each one whose status
/// changed, read at the block of its <c>MinipoolStatusChanged</c> log (so the block's timestamp is when it entered the
/// status). The first read of a node ID discovers it.
/// </summary>
/// <param name="Block">The block read at.</param>
/// <param name="Minipool">The record.</param>
/// <param name="StatusChanged">True when the read follows a status log in <paramref name="Block"/>; false for a cold-start or re-read.</param>
public sealed record GoGoMinipoolRead(BlockRef Block, GoGoMinipool Minipool, bool StatusChanged) : GoGoPoolEvent(Block);

/// <summary>
/// Blocks were dropped; reported before the re-reads at the new head of whatever the dropped blocks touched (and the
/// rewards cycle), which follow as ordinary reads.
/// </summary>
/// <param name="Block">The common ancestor.</param>
/// <param name="Reorg">What was dropped.</param>
public sealed record GoGoChainReorged(BlockRef Block, ChainReorg Reorg) : GoGoPoolEvent(Block);

/// <summary>The watcher has reported everything up to and including <paramref name="Block"/>, the new head; last of a poll.</summary>
/// <param name="Block">The head.</param>
public sealed record GoGoHeadAdvanced(BlockRef Block) : GoGoPoolEvent(Block);
