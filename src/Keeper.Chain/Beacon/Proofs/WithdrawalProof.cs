using Keeper.Chain.Primitives;

namespace Keeper.Chain.Beacon.Proofs;

/// <summary>
/// The verifier's <c>WithdrawalProof</c>: withdrawal <paramref name="WithdrawalNum"/> of the block at
/// <paramref name="WithdrawalSlot"/>, reached from <paramref name="BlockRoot"/> through the state's block_roots (39
/// witnesses) or, for a block more than 8192 slots back, its historical_summaries (65 witnesses).
/// </summary>
/// <param name="WithdrawalSlot">The slot of the block that holds the withdrawal.</param>
/// <param name="WithdrawalNum">Its position in that block's payload withdrawals (a uint16 in the struct).</param>
/// <param name="Withdrawal">The withdrawal.</param>
/// <param name="Witnesses">From the withdrawal's sibling up to the block root's child.</param>
/// <param name="BlockRoot">The recent beacon block root the proof leads to.</param>
/// <param name="Slot">The slot of that recent block.</param>
/// <param name="Historical">True when the path runs through historical_summaries.</param>
public sealed record WithdrawalProof(
    ulong WithdrawalSlot, ushort WithdrawalNum, ProvenWithdrawal Withdrawal, WitnessList Witnesses, Hash32 BlockRoot, ulong Slot, bool Historical);
