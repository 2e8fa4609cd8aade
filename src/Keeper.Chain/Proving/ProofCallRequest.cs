using Keeper.Chain.Primitives;

namespace Keeper.Chain.Proving;

/// <summary>One proof call to build: which call, for which megapool validator, and what the beacon chain knows of it.</summary>
/// <param name="Kind">The manager call.</param>
/// <param name="Megapool">The megapool the validator belongs to.</param>
/// <param name="ValidatorId">The megapool-local validator id.</param>
/// <param name="ValidatorIndex">The validator's index in the beacon state's registry.</param>
/// <param name="Withdrawal">For <see cref="ProofCallKind.FinalBalance"/>: the final withdrawal; null otherwise.</param>
/// <param name="NotBeforeSlot">
/// The first proven slot at which the call does what the duty means. The contracts judge time by the proof's slot, not the
/// block's (a late exit report is late, and a final balance allowed, by <c>slot / 32</c>), and the proven slot trails
/// the chain by a slot or two: a call proven earlier is held back and built again. 0 for calls valid at any slot.
/// </param>
public sealed record ProofCallRequest(ProofCallKind Kind, Address Megapool, uint ValidatorId, ulong ValidatorIndex, WithdrawalLocation? Withdrawal = null, ulong NotBeforeSlot = 0);
