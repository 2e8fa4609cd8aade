using Keeper.Chain.Contracts.RocketPool;
using Keeper.Chain.Contracts.RocketPool.Events;
using Keeper.Chain.Logs;
using Keeper.Chain.Primitives;

namespace Keeper.Chain.Watching;

/// <summary>
/// What the <see cref="ChainWatcher"/> reports, in chain order. Reads (<see cref="MegapoolValidatorRead"/>,
/// <see cref="MinipoolRead"/>, <see cref="SettingsRead"/>) are the authoritative state at their block; logs
/// (<see cref="PoolLogObserved"/>) say what happened and when.
/// </summary>
/// <param name="Block">The block the event belongs to.</param>
public abstract record WatcherEvent(BlockRef Block);

/// <summary>Protocol settings read from the chain (at start and periodically).</summary>
/// <param name="Block">The block read at.</param>
/// <param name="Megapool">Megapool settings.</param>
/// <param name="LaunchTimeout">The legacy minipool launch timeout, in seconds.</param>
public sealed record SettingsRead(BlockRef Block, MegapoolSettingsValues Megapool, ulong LaunchTimeout) : WatcherEvent(Block);

/// <summary>
/// The contract addresses read from RocketStorage differ from the ones in use (a DAO upgrade moved a contract); reported
/// before anything read from the new addresses, so whoever holds on to an address (the submitter's allow-list holds the
/// manager's) moves with it.
/// </summary>
/// <param name="Block">The block read at.</param>
/// <param name="Deployment">The addresses now in use.</param>
public sealed record DeploymentChanged(BlockRef Block, RocketPoolDeployment Deployment) : WatcherEvent(Block);

/// <summary>A megapool validator's record as read at <paramref name="Block"/>; the first read of a validator discovers it.</summary>
/// <param name="Block">The block read at.</param>
/// <param name="Megapool">The megapool.</param>
/// <param name="ValidatorId">The megapool-local id.</param>
/// <param name="Pubkey">The validator's public key when it was just discovered from the manager's index, otherwise null.</param>
/// <param name="Info">The record.</param>
public sealed record MegapoolValidatorRead(BlockRef Block, Address Megapool, uint ValidatorId, byte[]? Pubkey, ValidatorInfo Info) : WatcherEvent(Block);

/// <summary>A legacy minipool's state as read at <paramref name="Block"/>; the first read of a minipool discovers it.</summary>
/// <param name="Block">The block read at.</param>
/// <param name="State">The state.</param>
public sealed record MinipoolRead(BlockRef Block, MinipoolState State) : WatcherEvent(Block);

/// <summary>A Rocket Pool event from a known contract, in the block that holds it.</summary>
/// <param name="Block">The block of the log.</param>
/// <param name="Event">The decoded event.</param>
public sealed record PoolLogObserved(BlockRef Block, RocketPoolLog Event) : WatcherEvent(Block);

/// <summary>
/// A reorg dropped blocks after <see cref="ChainReorg.CommonAncestor"/>. What was learned from the dropped blocks no
/// longer holds: the reads that follow re-state every pool they touched, and <see cref="PoolForgotten"/> events name
/// pools that only existed on the dropped branch.
/// </summary>
/// <param name="Block">The common ancestor.</param>
/// <param name="Reorg">The dropped blocks.</param>
public sealed record ChainReorged(BlockRef Block, ChainReorg Reorg) : WatcherEvent(Block);

/// <summary>A validator or minipool discovered on a branch a reorg dropped; it does not exist on the canonical chain.</summary>
/// <param name="Block">The common ancestor of the reorg.</param>
/// <param name="Pool">The megapool or minipool.</param>
/// <param name="ValidatorId">The megapool validator id, or null for a minipool.</param>
public sealed record PoolForgotten(BlockRef Block, Address Pool, uint? ValidatorId) : WatcherEvent(Block);

/// <summary>Everything up to and including <paramref name="Block"/> has been reported: chain time advanced.</summary>
/// <param name="Block">The new head.</param>
public sealed record HeadAdvanced(BlockRef Block) : WatcherEvent(Block);
