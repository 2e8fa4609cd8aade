using Keeper.Chain.Primitives;

namespace Keeper.Chain.Proving;

/// <summary>A beacon block the withdrawal scan read: its root and parent (to follow the chain and notice reorgs) and its withdrawals.</summary>
/// <param name="Slot">The block's slot.</param>
/// <param name="Root">The block's root.</param>
/// <param name="ParentRoot">Its parent's root.</param>
/// <param name="Withdrawals">Its payload's withdrawals: validator index and location.</param>
internal sealed record ScannedBlock(ulong Slot, Hash32 Root, Hash32 ParentRoot, IReadOnlyList<(ulong ValidatorIndex, WithdrawalLocation Location)> Withdrawals);
