namespace Keeper.Host.Devnet.Beacon;

/// <summary>Where a withdrawal landed: what a <c>WithdrawalProof</c> names.</summary>
/// <param name="Slot">The slot of the block whose execution payload carries it (the proof's <c>withdrawalSlot</c>).</param>
/// <param name="Position">Its position in that payload's withdrawals list (the proof's <c>withdrawalNum</c>).</param>
/// <param name="Withdrawal">The withdrawal itself.</param>
public sealed record DevWithdrawalInclusion(ulong Slot, int Position, DevWithdrawal Withdrawal);
