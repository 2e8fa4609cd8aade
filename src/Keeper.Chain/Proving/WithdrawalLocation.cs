namespace Keeper.Chain.Proving;

/// <summary>Where a withdrawal sits on the beacon chain: the slot of the block that paid it and its position in that block's withdrawals.</summary>
/// <param name="Slot">The slot of the block whose execution payload carries the withdrawal.</param>
/// <param name="Position">Its index in that payload's withdrawals (0-15).</param>
/// <param name="AmountGwei">The amount paid, in gwei.</param>
public sealed record WithdrawalLocation(ulong Slot, int Position, ulong AmountGwei);
